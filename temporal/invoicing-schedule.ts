import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { monthlyInvoicing } from '../workflows/monthly-invoicing';
import type { TemporalTarget } from './client';
import type { InvoicingSettings } from './invoicing-client';

export interface InvoicingScheduleSettings extends InvoicingSettings {
  dayOfMonth: number;
  hour: number;
  timeZone: string;
}

const CATCH_UP_WINDOW = 7 * 86_400_000;

/** One schedule per task queue (a deployment), so parallel test suites on one server keep theirs apart. */
export const invoicingScheduleId = (taskQueue: string) => `monthly-invoicing-${taskQueue}`;

/**
 * Creates the monthly invoicing schedule, or brings an existing one up to the configured calendar and settings.
 * Overlap: a run that is still going when the next is due makes the next one wait (BUFFER_ONE), never run beside
 * it or be dropped. Catch-up: runs missed while Temporal was down start when it is back, within a week (after that
 * the period is run by hand with `POST /api/billing/invoice/run`).
 */
export async function ensureInvoicingSchedule(
  client: Client,
  target: TemporalTarget,
  settings: InvoicingScheduleSettings,
): Promise<string> {
  const scheduleId = invoicingScheduleId(target.taskQueue);
  const options = {
    spec: {
      calendars: [{ dayOfMonth: settings.dayOfMonth, hour: settings.hour, minute: 0 }],
      timezone: settings.timeZone,
    },
    action: {
      type: 'startWorkflow' as const,
      workflowType: monthlyInvoicing,
      taskQueue: target.taskQueue,
      args: [{ graceMs: settings.graceMs, concurrency: settings.concurrency }] as [
        Parameters<typeof monthlyInvoicing>[0],
      ],
    },
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: CATCH_UP_WINDOW },
  };
  try {
    await client.schedule.create({ scheduleId, ...options });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, ...options }));
  }
  return scheduleId;
}
