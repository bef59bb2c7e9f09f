import { Subscription, type Plan } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor, SystemActor } from '../auth/actor';
import { periodEndsAt, periodOf } from './billing-period';

/** A new subscription in force on `plan`, its period the calendar month of `now` (UTC). */
export function openSubscription(em: ScopedEm, { tenantId, plan, now }: { tenantId: string; plan: Plan; now: Date }) {
  return em.create(Subscription, {
    tenantId,
    planId: plan.id,
    status: 'active',
    currentPeriodStart: now,
    currentPeriodEnd: new Date(periodEndsAt(periodOf(now))),
  });
}

/**
 * Moves a subscription to another plan, audited as `subscription.plan_changed` with who asked (an admin, or a
 * Stripe event) and why in `details`. The caller flushes.
 */
export function switchPlan(
  em: ScopedEm,
  input: {
    actor: Actor | SystemActor;
    subscription: Subscription;
    from: string | null;
    to: Plan;
    details: Record<string, unknown>;
  },
): void {
  input.subscription.planId = input.to.id;
  recordAudit(em, {
    actor: input.actor,
    tenantId: input.subscription.tenantId,
    action: 'subscription.plan_changed',
    targetType: 'subscription',
    targetId: input.subscription.id,
    details: { from: input.from, to: input.to.code, ...input.details },
  });
}
