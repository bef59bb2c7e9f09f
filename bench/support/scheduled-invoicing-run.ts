import type { Client } from '@temporalio/client';
import type { TemporalTarget } from '../../temporal/client';
import { ensureInvoicingSchedule, type InvoicingScheduleSettings } from '../../temporal/invoicing-schedule';
import type { monthlyInvoicing, MonthlyInvoicingTotals } from '../../workflows/monthly-invoicing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One monthly invoice run started the way production starts it: the worker's schedule (`ensureInvoicingSchedule`,
 * same calendar, overlap policy and arguments) triggered now, which bills the month before this one. Waits for
 * the run, through its continue-as-new pages, and removes the schedule. The time runs from the trigger to the
 * run's result.
 */
export async function runScheduledInvoicing(
  client: Client,
  target: TemporalTarget,
  settings: InvoicingScheduleSettings,
): Promise<{ workflowId: string; totals: MonthlyInvoicingTotals; elapsedMs: number }> {
  const schedule = client.schedule.getHandle(await ensureInvoicingSchedule(client, target, settings));
  try {
    const started = performance.now();
    await schedule.trigger();
    let workflowId: string | undefined;
    while (!workflowId) {
      workflowId = (await schedule.describe()).info.recentActions.at(-1)?.action.workflow.workflowId;
      if (!workflowId) await sleep(20);
    }
    const totals = await client.workflow.getHandle<typeof monthlyInvoicing>(workflowId).result();
    return { workflowId, totals, elapsedMs: performance.now() - started };
  } finally {
    await schedule.delete();
  }
}
