import type { PlanList } from '../../contracts/billing';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { findPlans, toPlanView } from '../billing/plan-pricing';
import { isSelfServicePlan } from './resolve-signup-plan';

/** The public price list of the sign-up page: every plan a new customer may choose, in the list's order. */
export async function listSignupPlans(deps: { orm: Orm }): Promise<PlanList> {
  const plans = await inScope(deps.orm, { system: 'signup-plans' }, findPlans);
  return { items: plans.filter(isSelfServicePlan).map(toPlanView) };
}
