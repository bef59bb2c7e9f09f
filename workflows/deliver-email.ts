import { proxyActivities } from '@temporalio/workflow';
import type { OnboardingActivities } from '../activities/onboarding';

export interface DeliverEmailInput {
  outboxId: string;
}

/** A mail server that stays down for hours leaves the row queued and the run failed, for an operator to retry. */
const { deliverQueuedEmail } = proxyActivities<OnboardingActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 30 },
});

/** Delivers one queued outbox mail through the worker's mailer (`deliver-email-<outboxId>`, so at most once). */
export async function deliverEmail(input: DeliverEmailInput): Promise<string> {
  return deliverQueuedEmail(input.outboxId);
}
