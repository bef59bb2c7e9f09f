import type { Client } from '@temporalio/client';
import type { StripePlanWorkflows } from '../domain/billing/stripe-plan-port';
import { AppError } from '../domain/errors/app-error';
import { changeStripePlan, changeStripePlanWorkflowId } from '../workflows/change-stripe-plan';
import { ignoringAlreadyStarted, type TemporalTarget } from './client';
import { TenantIdAttribute } from './search-attributes';

/**
 * The Stripe plan port backed by Temporal: one `changeStripePlan` run per plan change, searchable by `TenantId`.
 * A start that fails is a 503 and, since the caller starts inside its transaction, leaves the plan unchanged.
 */
export function createStripePlanClient(client: Client, target: TemporalTarget): StripePlanWorkflows {
  return {
    async startPlanChange({ tenantId, changeId }) {
      const workflowId = changeStripePlanWorkflowId(tenantId, changeId);
      await ignoringAlreadyStarted(
        client.workflow.start(changeStripePlan, {
          taskQueue: target.taskQueue,
          workflowId,
          args: [{ tenantId, changeId }],
          typedSearchAttributes: [{ key: TenantIdAttribute, value: tenantId }],
        }),
      ).catch((error: unknown) => {
        throw new AppError('unavailable', 'The plan change could not be handed to Stripe; nothing was changed', {
          cause: error,
        });
      });
      return { workflowId };
    },
  };
}
