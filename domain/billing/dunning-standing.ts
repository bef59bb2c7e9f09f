import { LockMode } from '@mikro-orm/core';
import { Subscription } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { callsRefusedFrom, isSuspendedForNonpayment } from './gates';

/**
 * Where a tenant's payment stands for dunning: still past due (since when, when the calls stop or stopped), or
 * settled: paid, cancelled or moved off past due some other way. Instants are ISO strings (activity results).
 */
export type DunningStanding =
  | {
      kind: 'past_due';
      subscriptionId: string;
      pastDueSince: string;
      suspensionDueAt: string | null;
      suspendedAt: string | null;
    }
  | { kind: 'settled' };

/**
 * The tenant's past-due subscription, locked for the rest of the caller's transaction so a Stripe event applied
 * at the same moment waits for the dunning step (and the step sees the event's outcome if it came first).
 */
export async function lockPastDueSubscription(em: ScopedEm, tenantId: string): Promise<Subscription | null> {
  const subscription = await em.findOne(
    Subscription,
    { tenantId, status: 'past_due' },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  return subscription?.pastDueSince ? subscription : null;
}

export function standingOf(subscription: Subscription | null): DunningStanding {
  const pastDueSince = subscription?.status === 'past_due' ? subscription.pastDueSince : null;
  if (!subscription || !pastDueSince) return { kind: 'settled' };
  const suspended = isSuspendedForNonpayment(subscription);
  return {
    kind: 'past_due',
    subscriptionId: subscription.id,
    pastDueSince: pastDueSince.toISOString(),
    suspensionDueAt:
      callsRefusedFrom({
        status: 'past_due',
        pastDueSince,
        suspensionDueAt: subscription.suspensionDueAt,
      })?.toISOString() ?? null,
    suspendedAt: suspended ? subscription.suspendedAt!.toISOString() : null,
  };
}

/** Mails and audits of one past-due episode are keyed by the subscription and the moment it fell past due. */
export const dunningEpisodeKey = (subscription: Subscription): string =>
  `dunning/${subscription.id}/${subscription.pastDueSince!.getTime()}`;
