import { Plan, Tenant } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { findTenantPlan } from '../billing/find-tenant-plan';
import { needsCheckout } from './resolve-signup-plan';

/** Where a tenant stands with the plan chosen at sign-up. */
export interface SignupStanding {
  /** The chosen plan's code; null when none was chosen (a tenant platform staff created). */
  planCode: string | null;
  /** The chosen plan is a paid one, bought through Checkout after verification. */
  paymentRequired: boolean;
  /** A paid choice is settled: that plan is in force, or a Stripe subscription bills the tenant already. */
  paid: boolean;
}

/** The sign-up plan of a tenant and whether it still has to be paid; null when the tenant is gone. */
export async function readSignupStanding(em: ScopedEm, tenantId: string): Promise<SignupStanding | null> {
  const tenant = await em.findOne(Tenant, { id: tenantId });
  if (!tenant) return null;
  const chosen = tenant.signupPlan ? await em.findOne(Plan, { code: tenant.signupPlan }) : null;
  if (!chosen || !needsCheckout(chosen)) {
    return { planCode: tenant.signupPlan ?? null, paymentRequired: false, paid: false };
  }
  const current = await findTenantPlan(em, tenantId);
  const paid = current !== null && (current.plan.id === chosen.id || current.subscription.stripeSubscriptionId != null);
  return { planCode: chosen.code, paymentRequired: true, paid };
}
