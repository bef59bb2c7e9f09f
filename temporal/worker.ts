import path from 'node:path';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ProcessActivityDeps, type WorkerPorts } from '../activities';
import { createConversationClient } from './conversation-client';
import { createSyncSchedulePause } from './conversation-sync-client';
import { createTenantWorkflowStops } from './offboarding-client';

export const WORKFLOWS_PATH = path.resolve(__dirname, '../workflows/index.ts');

/** Builds the worker that runs every VoicePlane workflow and activity on one task queue. */
export async function createWorker(options: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ProcessActivityDeps;
  /** Where the workflows come from (a prebuilt bundle, with any sinks it reports through); default: the source. */
  workflows?: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'sinks'>;
}): Promise<Worker> {
  // Activities that start or pause workflows (the conversation sync) do it over the worker's own connection.
  const client = new Client({ connection: options.connection, namespace: options.namespace });
  const ports: WorkerPorts = {
    conversations: createConversationClient(client, options),
    syncSchedules: createSyncSchedulePause(client),
    tenantWorkflows: createTenantWorkflowStops(client),
  };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities({ ...options.deps, ...ports }),
    ...(options.workflows ?? { workflowsPath: WORKFLOWS_PATH }),
    shutdownGraceTime: '5 seconds',
  });
}
