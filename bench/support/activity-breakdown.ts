import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;
type Timestamp = temporal.api.history.v1.IHistoryEvent['eventTime'];

const ms = (at: Timestamp): number => {
  const seconds = at?.seconds ?? 0;
  return (typeof seconds === 'number' ? seconds : seconds.toNumber()) * 1000 + (at?.nanos ?? 0) / 1e6;
};

export interface StepTiming {
  name: string;
  count: number;
  /** Mean wait from scheduled to picked up by a worker, ms. */
  queueMs: number;
  /** Mean time from picked up to completed, ms. */
  runMs: number;
}

/**
 * Where a workflow's time goes, from the histories of `workflowIds`: per activity type, the mean wait in the task
 * queue and the mean execution; and the same for workflow tasks (the worker replaying and advancing the code).
 */
export async function activityBreakdown(client: Client, workflowIds: string[]): Promise<StepTiming[]> {
  const sums = new Map<string, { count: number; queue: number; run: number }>();
  const add = (name: string, scheduled: number, started: number, closed: number) => {
    const sum = sums.get(name) ?? { count: 0, queue: 0, run: 0 };
    sums.set(name, { count: sum.count + 1, queue: sum.queue + started - scheduled, run: sum.run + closed - started });
  };
  for (const workflowId of workflowIds) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const scheduled = new Map<number, { name: string; at: number }>();
    const started = new Map<number, number>();
    let workflowTask: { scheduled: number; started?: number } | null = null;
    for (const event of history.events ?? []) {
      const at = ms(event.eventTime);
      const id = Number(event.eventId);
      switch (event.eventType) {
        case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
          scheduled.set(id, { name: event.activityTaskScheduledEventAttributes!.activityType!.name!, at });
          break;
        case EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED:
          started.set(Number(event.activityTaskStartedEventAttributes!.scheduledEventId), at);
          break;
        case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
        case EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED: {
          const attributes = event.activityTaskCompletedEventAttributes ?? event.activityTaskFailedEventAttributes!;
          const of = Number(attributes.scheduledEventId);
          const schedule = scheduled.get(of);
          if (schedule) add(schedule.name, schedule.at, started.get(of) ?? at, at);
          break;
        }
        case EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
          workflowTask = { scheduled: at };
          break;
        case EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED:
          if (workflowTask) workflowTask.started = at;
          break;
        case EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
          if (workflowTask) add('(workflow task)', workflowTask.scheduled, workflowTask.started ?? at, at);
          workflowTask = null;
          break;
      }
    }
  }
  return [...sums].map(([name, sum]) => ({
    name,
    count: sum.count,
    queueMs: sum.queue / sum.count,
    runMs: sum.run / sum.count,
  }));
}
