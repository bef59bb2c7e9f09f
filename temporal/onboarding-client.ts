import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { OnboardingWorkflows } from '../domain/tenants/onboarding-port';
import { onboardingWorkflowId } from '../domain/tenants/onboarding-steps';
import { emailVerifiedSignal, onboardingProgressQuery, tenantOnboarding } from '../workflows/tenant-onboarding';
import { ignoringAlreadyStarted, queryWhileRunning, workflowUiLink, type TemporalTarget } from './client';
import { startMailDelivery } from './mail-delivery';
import { TenantIdAttribute } from './search-attributes';

/** The onboarding port backed by Temporal: deterministic workflow ids make every call safe to repeat. */
export function createOnboardingClient(
  client: Client,
  target: TemporalTarget,
  verificationTimeoutMs: number,
): OnboardingWorkflows {
  return {
    async start(tenantId, options = {}) {
      const workflowId = onboardingWorkflowId(tenantId);
      await ignoringAlreadyStarted(
        client.workflow.start(tenantOnboarding, {
          workflowId,
          taskQueue: target.taskQueue,
          args: [{ tenantId, verificationTimeoutMs, ...options }],
          typedSearchAttributes: [{ key: TenantIdAttribute, value: tenantId }],
        }),
      );
      return { workflowId };
    },

    async signalEmailVerified(tenantId) {
      try {
        await client.workflow.getHandle(onboardingWorkflowId(tenantId)).signal(emailVerifiedSignal);
        return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return false;
        throw error;
      }
    },

    progress: (tenantId) =>
      queryWhileRunning(client.workflow.getHandle(onboardingWorkflowId(tenantId)), onboardingProgressQuery),

    deliverEmail: (outbox) => startMailDelivery(client, target, { outboxId: outbox.id, tenantId: outbox.tenantId }),

    link: (tenantId) => workflowUiLink(target, onboardingWorkflowId(tenantId)),
  };
}
