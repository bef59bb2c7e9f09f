/** How the relay claims and retries inbox rows. */
export interface RelayPolicy {
  /** Subjects (calls) claimed per round; their pending rows are delivered in order, subjects in parallel. */
  batchSize: number;
  /** Attempts before a row is marked `failed` with its last error (visible, no longer retried). */
  maxAttempts: number;
  /** Backoff after a failed attempt: initial × 2^(attempts − 1), capped. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** A delivery that has not answered by then counts as a failed attempt. */
  deliveryTimeoutMs: number;
  /** Rows left by a stopped or killed process are found by polling at this interval. */
  pollMs: number;
  /** Delivered rows are deleted this long after delivery (the admin Webhooks page shows this much history). */
  retentionMs: number;
  /** How often the relay looks for delivered rows past retention. */
  pruneEveryMs: number;
}

export const DEFAULT_RELAY_POLICY: RelayPolicy = {
  batchSize: 100,
  maxAttempts: 10,
  initialBackoffMs: 250,
  maxBackoffMs: 30_000,
  deliveryTimeoutMs: 15_000,
  pollMs: 250,
  retentionMs: 30 * 24 * 60 * 60 * 1000,
  pruneEveryMs: 60 * 60 * 1000,
};

/** Rows deleted per retention statement: short transactions beside the deliveries. */
export const PRUNE_BATCH = 1000;

export const backoffMs = (policy: RelayPolicy, attempts: number): number =>
  Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.max(0, attempts - 1));
