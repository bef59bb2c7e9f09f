import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { OnboardingWorkflows } from '../domain/tenants/onboarding-port';
import { onboardingWorkflowId } from '../domain/tenants/onboarding-steps';
import { deliverEmail } from '../workflows/deliver-email';
import { emailVerifiedSignal, onboardingProgressQuery, tenantOnboarding } from '../workflows/tenant-onboarding';
import { workflowUiLink, type TemporalTarget } from './client';
import { TenantIdAttribute } from './search-attributes';

/** The onboarding port backed by Temporal: deterministic workflow ids make every call safe to repeat. */
export function createOnboardingClient(
  client: Client,
  target: TemporalTarget,
  verificationTimeoutMs: number,
): OnboardingWorkflows {
  return {
    async start(tenantId) {
      const workflowId = onboardingWorkflowId(tenantId);
      await ignoringAlreadyStarted(
        client.workflow.start(tenantOnboarding, {
          workflowId,
          taskQueue: target.taskQueue,
          args: [{ tenantId, verificationTimeoutMs }],
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

    async progress(tenantId) {
      const handle = client.workflow.getHandle(onboardingWorkflowId(tenantId));
      try {
        const description = await handle.describe();
        if (description.status.name !== 'RUNNING') return null;
        return await handle.query(onboardingProgressQuery);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },

    async deliverEmail(outbox) {
      await ignoringAlreadyStarted(
        client.workflow.start(deliverEmail, {
          workflowId: `deliver-email-${outbox.id}`,
          taskQueue: target.taskQueue,
          args: [{ outboxId: outbox.id }],
          typedSearchAttributes: outbox.tenantId ? [{ key: TenantIdAttribute, value: outbox.tenantId }] : [],
        }),
      );
    },

    link: (tenantId) => workflowUiLink(target, onboardingWorkflowId(tenantId)),
  };
}

/** A run with the same workflow id already exists: the start was made before, which is what the caller wanted. */
async function ignoringAlreadyStarted(start: Promise<unknown>): Promise<void> {
  try {
    await start;
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
