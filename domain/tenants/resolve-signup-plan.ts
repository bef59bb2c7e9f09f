import { Plan } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { AppError } from '../errors/app-error';
import { NoDefaultPlanError } from './start-default-plan';

/** A plan a new customer may pick: the free default, or a paid plan Stripe Checkout sells. */
export const isSelfServicePlan = (plan: Plan): boolean => plan.isDefault || plan.stripePriceId != null;

/** Whether a plan chosen at sign-up is paid through Checkout after verification (the default plan never is). */
export const needsCheckout = (plan: Plan): boolean => !plan.isDefault && plan.stripePriceId != null;

/**
 * The plan a sign-up asked for, or the price list's default when it named none. A code the price list does not
 * have, or a plan that cannot be bought on one's own, is refused (422) naming the code.
 */
export async function resolveSignupPlan(em: ScopedEm, planSlug: string | undefined): Promise<Plan> {
  if (planSlug === undefined) {
    const fallback = await em.findOne(Plan, { isDefault: true });
    if (!fallback) throw new NoDefaultPlanError();
    return fallback;
  }
  const plan = await em.findOne(Plan, { code: planSlug });
  if (!plan) {
    throw new AppError('unprocessable', `There is no plan “${planSlug}”`, {
      errors: [{ path: 'body.planSlug', message: `unknown plan ${planSlug}` }],
      extensions: { plan: planSlug },
    });
  }
  if (!isSelfServicePlan(plan)) {
    throw new AppError('unprocessable', `The ${plan.name} plan cannot be chosen at sign-up`, {
      errors: [{ path: 'body.planSlug', message: `plan ${planSlug} is not sold on sign-up` }],
      extensions: { plan: planSlug },
    });
  }
  return plan;
}
