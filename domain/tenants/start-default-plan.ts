import { SUBSCRIPTION_IN_FORCE } from '../../contracts/subscription-status';
import { Plan, Subscription } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { openSubscription } from '../billing/switch-plan';
import { AppError } from '../errors/app-error';

/** No plan is marked default: onboarding cannot go on until an operator configures one. */
export class NoDefaultPlanError extends AppError {
  constructor() {
    super('unavailable', 'No default plan is configured');
    this.name = 'NoDefaultPlanError';
  }
}

/**
 * Subscribes a new tenant to the default plan (the price list's, Starter) until the first of next month (UTC); a
 * tenant that already has a subscription in force keeps it. Returns the default plan's code.
 */
export async function startDefaultPlan(
  deps: { orm: Orm },
  { actor, tenantId, now = new Date() }: { actor: SystemActor; tenantId: string; now?: Date },
): Promise<string> {
  return inScope(deps.orm, actor, async (em) => {
    const active = await em.findOne(Subscription, { tenantId, status: { $in: [...SUBSCRIPTION_IN_FORCE] } });
    const plan = await em.findOne(Plan, { isDefault: true });
    if (!plan) throw new NoDefaultPlanError();
    if (active) return plan.code;
    openSubscription(em, { tenantId, plan, now });
    await em.flush();
    return plan.code;
  });
}
