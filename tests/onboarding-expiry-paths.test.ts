import { randomUUID } from 'node:crypto';
import type { BotRelease } from '../domain/bots/release-tenant-bots';
import { onboardingProgressQuery } from '../workflows/tenant-onboarding';
import { withStandInWorker, type StandInActivities } from './support/stand-in-worker';

describe('onboarding expiry', () => {
  it('leaves a tenant alone at expiry when it is no longer pending verification', async () => {
    const calls: string[] = [];
    const steps: string[] = [];
    const call =
      (name: string, result: unknown = undefined) =>
      async () => {
        calls.push(name);
        return result;
      };
    const activities: StandInActivities = {
      recordOnboardingStep: async (_tenantId: string, step: string) => {
        steps.push(step);
      },
      createBillingAccount: call('createBillingAccount', 'cus_1'),
      startDefaultPlan: call('startDefaultPlan', 'free'),
      sendVerificationEmail: call('sendVerificationEmail'),
      // Verified or removed meanwhile (by an admin, say): the release finds nothing of it to remove.
      prepareTenantBotRelease: async (): Promise<BotRelease> => {
        calls.push('prepareTenantBotRelease');
        return { kind: 'nothing_to_remove' };
      },
      deleteBillingCustomer: call('deleteBillingCustomer'),
      removePendingTenant: call('removePendingTenant', 'removed'),
      cleanupPendingTenant: call('cleanupPendingTenant', 'removed'),
    };
    const tenantId = randomUUID();
    await withStandInWorker(activities, async ({ client, taskQueue }) => {
      const handle = await client.workflow.start('tenantOnboarding', {
        taskQueue,
        workflowId: `tenant-onboarding-${randomUUID()}`,
        args: [{ tenantId, verificationTimeoutMs: 200 }],
      });
      expect(await handle.result()).toBe('expired');
      const progress = await handle.query(onboardingProgressQuery);
      expect({ step: progress.step, verified: progress.verified }).toEqual({ step: 'expired', verified: false });
    });
    // Neither its billing customer nor the tenant is deleted.
    expect(calls).toEqual([
      'createBillingAccount',
      'startDefaultPlan',
      'sendVerificationEmail',
      'prepareTenantBotRelease',
    ]);
    expect(steps).toEqual([
      'creating_billing_account',
      'starting_plan',
      'sending_verification_email',
      'awaiting_verification',
      'cleaning_up',
    ]);
  });
});
