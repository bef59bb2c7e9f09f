/** Per-step retry rules, applied by the workflow itself so every attempt and its error are visible as progress. */
export interface StepRetryPolicy {
  maxAttempts: number;
  initialIntervalMs: number;
  backoff: number;
  maxIntervalMs: number;
}

export const delayBeforeAttempt = (policy: StepRetryPolicy, attempt: number): number =>
  Math.min(policy.maxIntervalMs, policy.initialIntervalMs * policy.backoff ** Math.max(0, attempt - 2));
