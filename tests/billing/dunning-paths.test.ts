import { randomUUID } from 'node:crypto';
import { CancelledFailure, WorkflowFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { DunningProgress } from '../../contracts/dunning';
import type { DunningSchedule } from '../../domain/billing/dunning-plan';
import type { DunningStanding } from '../../domain/billing/dunning-standing';
import { dunningProgressQuery, paymentReceivedSignal, type DunningInput } from '../../workflows/dunning';
import { eventually } from '../support/eventually';
import { withStandInWorker, type StandInActivities } from '../support/stand-in-worker';

/** Long status checks: a suspended dunning ends only by the signal or the standing the stand-ins answer. */
const SCHEDULE: DunningSchedule = { reminderOffsetsMs: [0], graceMs: 60_000, statusCheckMs: 60_000 };

const pastDue = (suspensionDueInMs: number, suspendedAt: string | null = null): DunningStanding => ({
  kind: 'past_due',
  subscriptionId: 'sub_1',
  pastDueSince: new Date().toISOString(),
  suspensionDueAt: new Date(Date.now() + suspensionDueInMs).toISOString(),
  suspendedAt,
});

/** Stand-ins of the dunning steps; each call is recorded by name. */
function dunningActivities(overrides: StandInActivities) {
  const calls: string[] = [];
  const record =
    (name: string, result: unknown) =>
    async (...args: unknown[]) => {
      calls.push(args.length === 1 && typeof args[0] === 'string' && name === 'deliverQueuedEmail' ? args[0] : name);
      return result;
    };
  const activities: StandInActivities = {
    beginDunning: record('beginDunning', pastDue(60_000)),
    readDunningStanding: record('readDunningStanding', pastDue(0)),
    queueDunningReminder: record('queueDunningReminder', { outcome: 'queued', outboxIds: [] }),
    suspendForNonpayment: record('suspendForNonpayment', { outcome: 'not_past_due' }),
    deliverQueuedEmail: record('deliverQueuedEmail', 'sent'),
    ...overrides,
  };
  return { activities, calls };
}

const startDunning = (client: Client, taskQueue: string, input?: Partial<DunningInput>) =>
  client.workflow.start('dunning', {
    taskQueue,
    workflowId: `dunning-${randomUUID()}`,
    args: [{ tenantId: randomUUID(), schedule: SCHEDULE, ...input }],
  });

const steps = (progress: DunningProgress) => progress.history.map((entry) => entry.step);

describe('dunning paths', () => {
  it('ends at once when the subscription is no longer past due by the time dunning starts', async () => {
    const { activities, calls } = dunningActivities({ beginDunning: async () => ({ kind: 'settled' }) });
    await withStandInWorker(activities, async ({ client, taskQueue }) => {
      const handle = await startDunning(client, taskQueue);
      expect(await handle.result()).toBe('ended');
      const progress = await handle.query(dunningProgressQuery);
      expect({ steps: steps(progress), remindersPlanned: progress.remindersPlanned }).toEqual({
        steps: ['starting', 'ended'],
        remindersPlanned: 0,
      });
    });
    expect(calls).toEqual([]);
  });

  it('keeps the counts and history a continued run carried over, and ends when the suspension is settled', async () => {
    const earlier = { step: 'suspended' as const, at: '2026-01-01T00:00:00.000Z' };
    const { activities, calls } = dunningActivities({
      beginDunning: async () => pastDue(-1_000, '2026-01-01T00:00:00.000Z'),
      readDunningStanding: async () => ({ kind: 'settled' }),
    });
    await withStandInWorker(activities, async ({ client, taskQueue }) => {
      // A short status check, so the settled standing is read without waiting out the schedule's minute.
      const handle = await startDunning(client, taskQueue, {
        schedule: { ...SCHEDULE, statusCheckMs: 100 },
        carried: { remindersSent: 2, failedPayments: 3, history: [earlier] },
      });
      expect(await handle.result()).toBe('ended');
      const progress = await handle.query(dunningProgressQuery);
      expect({
        remindersSent: progress.remindersSent,
        failedPayments: progress.failedPayments,
        steps: steps(progress),
        first: progress.history[0],
      }).toEqual({
        remindersSent: 2,
        failedPayments: 3,
        steps: ['suspended', 'starting', 'suspended', 'ended'],
        first: earlier,
      });
    });
    // Suspended already: no reminder and no second suspension.
    expect(calls).toEqual([]);
  });

  it('ends paid when the payment arrives while the calls are suspended', async () => {
    const { activities } = dunningActivities({ beginDunning: async () => pastDue(-1_000, new Date().toISOString()) });
    await withStandInWorker(activities, async ({ client, taskQueue }) => {
      const handle = await startDunning(client, taskQueue);
      await eventually(
        () => handle.query(dunningProgressQuery),
        (progress) => progress.step === 'suspended',
      );
      await handle.signal(paymentReceivedSignal, { stripeEventId: 'evt_paid' });
      expect(await handle.result()).toBe('paid');
    });
  });

  it('ends paid without suspending when the payment arrives after the last reminder', async () => {
    const { activities, calls } = dunningActivities({
      queueDunningReminder: async () => ({ outcome: 'queued', outboxIds: ['mail-1'] }),
    });
    await withStandInWorker(activities, async ({ client, taskQueue }) => {
      const handle = await startDunning(client, taskQueue);
      await eventually(
        () => handle.query(dunningProgressQuery),
        (progress) => progress.step === 'awaiting_payment' && progress.remindersSent === 1,
      );
      await handle.signal(paymentReceivedSignal, { stripeEventId: 'evt_paid' });
      expect(await handle.result()).toBe('paid');
      expect((await handle.query(dunningProgressQuery)).suspendedAt).toBeNull();
    });
    expect(calls).toEqual(['beginDunning', 'mail-1']);
  });

  it('goes on when a reminder mail cannot be delivered, and ends when the suspension finds nothing past due', async () => {
    const { activities, calls } = dunningActivities({
      // Suspension due soon, yet after the reminder, which is then not superseded.
      beginDunning: async () => pastDue(5_000),
      queueDunningReminder: async () => ({ outcome: 'queued', outboxIds: ['mail-bad', 'mail-good'] }),
      deliverQueuedEmail: async (id: string) => {
        calls.push(id);
        if (id === 'mail-bad') throw ApplicationFailure.nonRetryable('mailbox unavailable');
        return 'sent';
      },
    });
    await withStandInWorker(activities, async ({ client, taskQueue }) => {
      const handle = await startDunning(client, taskQueue);
      expect(await handle.result()).toBe('ended');
      const progress = await handle.query(dunningProgressQuery);
      expect({ sent: progress.remindersSent, suspendedAt: progress.suspendedAt, steps: steps(progress) }).toEqual({
        sent: 1,
        suspendedAt: null,
        steps: ['starting', 'reminding', 'awaiting_payment', 'suspending', 'ended'],
      });
    });
    // Both mails are tried (in parallel, in either order) before the suspension.
    expect({ mails: calls.slice(0, 2).sort(), then: calls.slice(2) }).toEqual({
      mails: ['mail-bad', 'mail-good'],
      then: ['suspendForNonpayment'],
    });
  });

  it('is cancelled, not carried on, when cancelled while a reminder mail is being delivered', async () => {
    let delivering!: () => void;
    const started = new Promise<void>((resolve) => (delivering = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { activities, calls } = dunningActivities({
      queueDunningReminder: async () => ({ outcome: 'queued', outboxIds: ['mail-1'] }),
      deliverQueuedEmail: async () => {
        delivering();
        await released;
        return 'sent';
      },
    });
    await withStandInWorker(activities, async ({ client, taskQueue }) => {
      const handle: WorkflowHandle = await startDunning(client, taskQueue);
      await started;
      await handle.cancel();
      const error = await handle.result().then(
        () => null,
        (caught: unknown) => caught,
      );
      release();
      expect(error).toBeInstanceOf(WorkflowFailedError);
      expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
      expect((await handle.query(dunningProgressQuery)).remindersSent).toBe(0);
    });
    expect(calls).toEqual(['beginDunning']);
  });
});
