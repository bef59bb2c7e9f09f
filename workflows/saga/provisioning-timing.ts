import type { StepRetryPolicy } from '../../domain/provisioning/retry-policy';

/** Timeouts and retry policies of the provisioning workflows; inputs may override them (tests use short ones). */
export interface ProvisioningTiming {
  activityTimeoutMs: number;
  appSetupTimeoutMs: number;
  providerRetry: StepRetryPolicy;
  healthRetry: StepRetryPolicy;
}

export const DEFAULT_TIMING: ProvisioningTiming = {
  activityTimeoutMs: 30_000,
  appSetupTimeoutMs: 10 * 60_000,
  providerRetry: { maxAttempts: 5, initialIntervalMs: 1_000, backoff: 2, maxIntervalMs: 30_000 },
  healthRetry: { maxAttempts: 30, initialIntervalMs: 1_000, backoff: 1.5, maxIntervalMs: 10_000 },
};

export const withTiming = (overrides: Partial<ProvisioningTiming> | undefined): ProvisioningTiming => ({
  ...DEFAULT_TIMING,
  ...overrides,
});
