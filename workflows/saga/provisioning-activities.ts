import { proxyActivities } from '@temporalio/workflow';
import type { ProvisioningActivities } from '../../activities/provisioning';
import type { ProvisioningTiming } from './provisioning-timing';

/**
 * Provider calls get one attempt each: the step runner owns their retries. Book-keeping and undo actions are
 * idempotent and retried by Temporal until they succeed.
 */
export function provisioningActivities(timing: ProvisioningTiming) {
  const once = proxyActivities<ProvisioningActivities>({
    startToCloseTimeout: timing.activityTimeoutMs,
    retry: { maximumAttempts: 1 },
  });
  const appSetup = proxyActivities<ProvisioningActivities>({
    startToCloseTimeout: timing.appSetupTimeoutMs,
    heartbeatTimeout: Math.min(timing.activityTimeoutMs, 30_000),
    retry: { maximumAttempts: 1 },
  });
  const durable = proxyActivities<ProvisioningActivities>({
    startToCloseTimeout: timing.activityTimeoutMs,
    retry: { initialInterval: 500, backoffCoefficient: 2, maximumInterval: 30_000, maximumAttempts: 50 },
  });
  return { once, appSetup, durable };
}
