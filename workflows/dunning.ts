import {
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { DunningActivities } from '../activities/dunning';
import type { OnboardingActivities } from '../activities/onboarding';
import type { DunningOutcome, DunningProgress, DunningStep } from '../contracts/dunning';
import { isSuperseded, plannedReminders, type DunningSchedule } from '../domain/billing/dunning-plan';

export interface DunningInput {
  tenantId: string;
  schedule: DunningSchedule;
  /** What the run before saw, when a long suspension continued as new. */
  carried?: Pick<DunningProgress, 'remindersSent' | 'failedPayments' | 'history'>;
}

/** A Stripe event the relay hands over; its id makes a redelivered event count once. */
export interface PaymentEvent {
  stripeEventId: string;
}

export const paymentFailedSignal = defineSignal<[PaymentEvent]>('paymentFailed');
export const paymentReceivedSignal = defineSignal<[PaymentEvent]>('paymentReceived');
export const dunningProgressQuery = defineQuery<DunningProgress>('dunningProgress');

/** Bounded: a step the database keeps refusing fails the run visibly instead of retrying for ever. */
const steps = proxyActivities<DunningActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
});
/** The outbox delivery of `deliverEmail`: a mail server down for hours leaves the row queued, not the run stuck. */
const mail = proxyActivities<OnboardingActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 30 },
});

/**
 * Dunning for one tenant (`dunning-<tenantId>`, decision 011): reminder mails on the schedule, counted from the
 * moment the payment fell past due, then the calls are suspended once the grace period has passed; it waits for
 * the payment and ends when the relay signals it (the relay lifts the suspension itself). Each step re-reads the
 * subscription first and the run ends if it left past due without a payment (cancelled, changed by an admin).
 */
export async function dunning(input: DunningInput): Promise<DunningOutcome> {
  const { tenantId, schedule } = input;
  const progress: DunningProgress = {
    tenantId,
    step: 'starting',
    pastDueSince: null,
    suspendsAt: null,
    suspendedAt: null,
    nextReminderAt: null,
    remindersSent: input.carried?.remindersSent ?? 0,
    remindersPlanned: 0,
    failedPayments: input.carried?.failedPayments ?? 0,
    history: [...(input.carried?.history ?? [])],
  };
  const failures = new Set<string>();
  let paid = false;
  setHandler(paymentFailedSignal, ({ stripeEventId }) => {
    if (failures.has(stripeEventId)) return;
    failures.add(stripeEventId);
    progress.failedPayments += 1;
  });
  setHandler(paymentReceivedSignal, () => {
    paid = true;
  });
  setHandler(dunningProgressQuery, () => progress);

  const enter = (step: DunningStep) => {
    progress.step = step;
    progress.history.push({ step, at: new Date().toISOString() });
  };
  const end = (outcome: DunningOutcome): DunningOutcome => {
    progress.nextReminderAt = null;
    enter(outcome);
    return outcome;
  };
  /** Waits until `at`; true when the payment arrived first. */
  const paidBefore = async (at: number): Promise<boolean> => {
    if (paid || at <= Date.now()) return paid;
    enter('awaiting_payment');
    return condition(() => paid, at - Date.now());
  };

  enter('starting');
  const standing = await steps.beginDunning({ tenantId, graceMs: schedule.graceMs });
  if (standing.kind === 'settled') return end('ended');
  const suspendsAt = Date.parse(standing.suspensionDueAt!);
  Object.assign(progress, {
    pastDueSince: standing.pastDueSince,
    suspendsAt: standing.suspensionDueAt,
    suspendedAt: standing.suspendedAt,
  });

  if (!standing.suspendedAt) {
    const reminders = plannedReminders(schedule.reminderOffsetsMs, Date.parse(standing.pastDueSince), suspendsAt);
    progress.remindersPlanned = reminders.length;
    for (const [index, reminder] of reminders.entries()) {
      progress.nextReminderAt = new Date(reminder.at).toISOString();
      if (await paidBefore(reminder.at)) return end('paid');
      if (isSuperseded(reminders, index, suspendsAt, Date.now())) continue;
      enter('reminding');
      const sent = await steps.queueDunningReminder({ tenantId, number: reminder.number, total: reminders.length });
      if (sent.outcome === 'not_past_due') return end('ended');
      await deliver(sent.outboxIds);
      progress.remindersSent += 1;
    }
    progress.nextReminderAt = null;
    if (await paidBefore(suspendsAt)) return end('paid');
    enter('suspending');
    const suspension = await steps.suspendForNonpayment(tenantId);
    if (suspension.outcome === 'not_past_due') return end('ended');
    progress.suspendedAt = suspension.suspendedAt;
    await deliver(suspension.outboxIds);
  }

  enter('suspended');
  for (;;) {
    if (await condition(() => paid, schedule.statusCheckMs)) return end('paid');
    if ((await steps.readDunningStanding(tenantId)).kind === 'settled') return end('ended');
    if (workflowInfo().continueAsNewSuggested) {
      const { remindersSent, failedPayments, history } = progress;
      await continueAsNew<typeof dunning>({ ...input, carried: { remindersSent, failedPayments, history } });
    }
  }
}

/** Delivers queued mails in parallel; one that cannot be delivered stays queued for an operator, dunning goes on. */
async function deliver(outboxIds: readonly string[]): Promise<void> {
  const results = await Promise.allSettled(outboxIds.map((id) => mail.deliverQueuedEmail(id)));
  for (const result of results) {
    if (result.status === 'fulfilled') continue;
    if (isCancellation(result.reason)) throw result.reason;
    log.warn('A dunning mail could not be delivered', { error: String(result.reason) });
  }
}
