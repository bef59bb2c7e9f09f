import type { Client } from '@temporalio/client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const VISIBILITY_WAIT_MS = 30_000;

export interface WorkflowTimings {
  /** close − start of every closed run, ascending, in ms. */
  durations: number[];
  /** Runs per status name (COMPLETED, FAILED, …). */
  statuses: Record<string, number>;
  workflowIds: string[];
}

/**
 * Start and close times of every `workflowType` run on `taskQueue`, from Temporal's visibility store. Visibility
 * is written after the fact, so this waits (up to half a minute) until `expected` runs are listed and closed.
 */
export async function workflowTimings(
  client: Client,
  options: { workflowType: string; taskQueue: string; expected: number },
): Promise<WorkflowTimings> {
  const query = `WorkflowType = '${options.workflowType}' AND TaskQueue = '${options.taskQueue}'`;
  const deadline = Date.now() + VISIBILITY_WAIT_MS;
  for (;;) {
    const runs = [];
    for await (const run of client.workflow.list({ query })) runs.push(run);
    const closed = runs.filter((run) => run.closeTime);
    if ((closed.length >= options.expected && closed.length === runs.length) || Date.now() > deadline) {
      const statuses: Record<string, number> = {};
      for (const run of runs) statuses[run.status.name] = (statuses[run.status.name] ?? 0) + 1;
      return {
        durations: closed.map((run) => run.closeTime!.getTime() - run.startTime.getTime()).sort((a, b) => a - b),
        statuses,
        workflowIds: runs.map((run) => run.workflowId),
      };
    }
    await sleep(250);
  }
}
