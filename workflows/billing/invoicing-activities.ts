import { proxyActivities } from '@temporalio/workflow';
import type { InvoicingActivities } from '../../activities/invoicing';
import type { StepRetryPolicy } from '../../domain/provisioning/retry-policy';

/** The step runner retries Stripe calls, so each attempt shows in the run's progress. */
export const INVOICING_STEP_RETRY: StepRetryPolicy = {
  maxAttempts: 8,
  initialIntervalMs: 1_000,
  backoff: 2,
  maxIntervalMs: 60_000,
};

/**
 * `once`: one attempt per call, the step runner retries. `durable`: book-keeping and undo, retried by Temporal
 * within a bound (every activity is idempotent, and none retries for ever on bad data).
 */
export function invoicingActivities() {
  const once = proxyActivities<InvoicingActivities>({
    startToCloseTimeout: '1 minute',
    retry: { maximumAttempts: 1 },
  });
  const durable = proxyActivities<InvoicingActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 30 },
  });
  return { once, durable };
}
