import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { StripePlanActivities } from '../activities/stripe-plans';

export interface ChangeStripePlanInput {
  tenantId: string;
  /** The plan change this run follows (`changeId` in its `subscription.plan_changed` audit row). */
  changeId: string;
}

export interface ChangeStripePlanResult {
  /** `nothing_to_do`: no Stripe subscription; `absent`: Stripe had already ended it. */
  outcome: 'nothing_to_do' | 'unchanged' | 'updated' | 'canceled' | 'absent';
  planCode: string | null;
  stripeSubscriptionId: string | null;
}

/** One run per admin plan change: `change-stripe-plan-<tenantId>-<changeId>`. */
export const changeStripePlanWorkflowId = (tenantId: string, changeId: string) =>
  `change-stripe-plan-${tenantId}-${changeId}`;

// Bounded: waiting for the change to commit and Stripe outages get a few minutes; refusals fail at once.
const { findStripePlanTarget, moveStripeSubscription, cancelStripeSubscription, unlinkStripeSubscription } =
  proxyActivities<StripePlanActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 12 },
  });

/**
 * Makes the tenant's Stripe subscription bill the plan an admin moved it to: the new plan's price, or cancelled
 * (and unlinked) for a free plan. It reads the plan in force when it runs, so several quick changes leave Stripe
 * on the latest whatever order their runs take. Stripe requests carry keys derived from this run.
 */
export async function changeStripePlan(input: ChangeStripePlanInput): Promise<ChangeStripePlanResult> {
  const { workflowId } = workflowInfo();
  const { stripeSubscriptionId, stripePriceId, planCode } = await findStripePlanTarget(input);
  if (!stripeSubscriptionId) return { outcome: 'nothing_to_do', planCode, stripeSubscriptionId };
  if (stripePriceId) {
    const outcome = await moveStripeSubscription({
      subscriptionId: stripeSubscriptionId,
      priceId: stripePriceId,
      idempotencyKey: `${workflowId}/price/${stripePriceId}`,
    });
    return { outcome, planCode, stripeSubscriptionId };
  }
  const canceled = await cancelStripeSubscription({
    subscriptionId: stripeSubscriptionId,
    idempotencyKey: `${workflowId}/cancel`,
  });
  await unlinkStripeSubscription({ tenantId: input.tenantId, stripeSubscriptionId });
  return { outcome: canceled === 'canceled' ? 'canceled' : 'absent', planCode, stripeSubscriptionId };
}
