import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { HealthProbes } from '../domain/health/health-port';

/** Is the Temporal server reachable, and is at least one worker polling our task queue? */
export function createTemporalHealth(client: Client, namespace: string, taskQueue: string): HealthProbes {
  return {
    async temporal() {
      await client.connection.workflowService.getSystemInfo({});
      return { ok: true };
    },
    async workers() {
      const response = await client.connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      const pollers = response.pollers?.length ?? 0;
      return { ok: pollers > 0, pollers, ...(pollers === 0 ? { detail: `no worker polls "${taskQueue}"` } : {}) };
    },
  };
}
