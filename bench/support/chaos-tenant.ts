import { createStripeBillingProvider } from '../../activities/adapters/stripe-billing';
import type { PlanId } from '../../contracts/pricing';
import { BillingAccount, Plan, Subscription, Tenant, User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../../domain/auth/actor';
import { periodDays, type BillingPeriod } from '../../domain/billing/billing-period';

const scope = { system: 'bench-chaos' };

/**
 * The bench's tenant as onboarding leaves it: active and verified, a Stripe customer in the simulator, a billing
 * account naming it and a subscription to `plan` in force for `period`; and the platform admin to act as.
 */
export async function createChaosTenant(
  deps: { orm: Orm; simulatorUrl: string },
  options: { plan: PlanId; period: BillingPeriod; adminEmail: string },
) {
  const slug = `chaos-${Date.now().toString(36)}`;
  const tenantId = await inScope(deps.orm, scope, async (em) => {
    const tenant = em.create(Tenant, {
      name: 'Chaos calls',
      slug,
      status: 'active',
      onboardingStep: 'active',
      contactEmail: `contact@${slug}.example.test`,
      verifiedAt: new Date(),
    });
    await em.flush();
    return tenant.id;
  });
  const stripe = createStripeBillingProvider({ simulatorUrl: deps.simulatorUrl, timeoutMs: 5_000 });
  const customer = await stripe.createCustomer({
    idempotencyKey: `chaos-customer-${tenantId}`,
    email: `billing@${slug}.example.test`,
    name: slug,
    tenantId,
  });
  const { start, endExclusive } = periodDays(options.period);
  const actor = await inScope(deps.orm, scope, async (em) => {
    const plan = await em.findOneOrFail(Plan, { code: options.plan });
    em.create(BillingAccount, {
      tenantId,
      stripeCustomerId: customer.id,
      email: `billing@${slug}.example.test`,
      currency: 'EUR',
    });
    em.create(Subscription, {
      tenantId,
      planId: plan.id,
      status: 'active',
      pastDueSince: null,
      currentPeriodStart: new Date(`${start}T00:00:00Z`),
      currentPeriodEnd: new Date(`${endExclusive}T00:00:00Z`),
    });
    await em.flush();
    const admin = await em.findOneOrFail(User, { email: options.adminEmail });
    return { userId: admin.id, role: 'platform_admin', tenantId: null } satisfies Actor;
  });
  return { tenantId, actor };
}
