import type { Orm } from '../db/orm';
import type { SystemActor } from '../domain/auth/actor';
import { findStripePlanTarget, type StripePlanTarget } from '../domain/billing/find-stripe-plan-target';
import { unlinkStripeSubscription } from '../domain/billing/unlink-stripe-subscription';
import type { BillingProvider } from './adapters/billing-provider';
import { domainCall } from './domain-failure';
import { providerCall } from './provider-failure';

export interface StripePlanActivityDeps {
  orm: Orm;
  billing: BillingProvider;
}

const actor: SystemActor = { system: 'stripe-plan-worker' };
/** Stripe's statuses of a subscription that bills nothing any more. */
const ENDED = new Set(['canceled', 'incomplete_expired']);

/**
 * The side effects of `changeStripePlan`: the plan Stripe has to bill, the price move or cancellation on Stripe
 * (with the run's idempotency keys), and the unlinking of a cancelled subscription. Each may repeat harmlessly.
 */
export function createStripePlanActivities(deps: StripePlanActivityDeps) {
  return {
    async findStripePlanTarget(input: { tenantId: string; changeId: string }): Promise<StripePlanTarget> {
      return domainCall(() => findStripePlanTarget(deps, { actor, ...input }));
    },

    /** Moves the subscription to `priceId` unless it bills that price already or has ended. */
    async moveStripeSubscription(input: {
      subscriptionId: string;
      priceId: string;
      idempotencyKey: string;
    }): Promise<'updated' | 'unchanged' | 'absent'> {
      const subscription = await providerCall(() => deps.billing.getSubscription(input.subscriptionId));
      if (!subscription || ENDED.has(subscription.status)) return 'absent';
      if (subscription.items[0]?.priceId === input.priceId) return 'unchanged';
      await providerCall(() => deps.billing.updateSubscriptionPrice(input));
      return 'updated';
    },

    async cancelStripeSubscription(input: {
      subscriptionId: string;
      idempotencyKey: string;
    }): Promise<'canceled' | 'absent'> {
      return providerCall(() =>
        deps.billing.cancelSubscription(input.subscriptionId, { idempotencyKey: input.idempotencyKey }),
      );
    },

    async unlinkStripeSubscription(input: { tenantId: string; stripeSubscriptionId: string }): Promise<void> {
      await domainCall(() => unlinkStripeSubscription(deps, { actor, ...input }));
    },
  };
}

export type StripePlanActivities = ReturnType<typeof createStripePlanActivities>;
