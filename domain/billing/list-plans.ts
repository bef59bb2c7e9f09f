import type { PlanList } from '../../contracts/billing';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { findPlans, toPlanView } from './plan-pricing';

/** The price list as the plans table holds it (synced from config/pricing.json), in the list's order. */
export async function listPlans(deps: { orm: Orm }, { actor }: { actor: Actor }): Promise<PlanList> {
  assertCan(actor, 'plans:read');
  const plans = await inScope(deps.orm, scopeOf(actor), findPlans);
  return { items: plans.map(toPlanView) };
}
