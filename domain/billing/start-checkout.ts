import type { CheckoutReturnPage, CheckoutSessionView } from '../../contracts/billing';
import type { PlanId } from '../../contracts/pricing';
import { BillingAccount, Plan, Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope, type DbScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor, SystemActor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { AppError, notFound } from '../errors/app-error';
import { billingPageUrl, type BillingSessions } from './checkout-port';
import { findTenantPlan } from './find-tenant-plan';
import { linkStripeCustomer, stripeCustomerKey } from './link-stripe-customer';

/**
 * Clicks within one window share an idempotency key, so a double click (or a second tab) gets the same session
 * rather than a second subscription; a later attempt gets a fresh one.
 */
export const CHECKOUT_KEY_WINDOW_MS = 5 * 60_000;

export interface CheckoutDeps {
  orm: Orm;
  sessions: BillingSessions;
  /** The web origin customers use (PUBLIC_BASE_URL): Checkout returns to its billing page. */
  webBaseUrl: string;
}

/**
 * A customer admin upgrades their own tenant to a paid plan through Stripe Checkout (subscription mode for the
 * plan's Stripe price). The tenant's Stripe customer is made first when it has none Stripe knows. Nothing changes
 * here: `checkout.session.completed` switches the plan once Stripe has the payment (apply-stripe-event.ts).
 */
export async function startCheckout(
  deps: CheckoutDeps,
  {
    actor,
    planCode,
    returnTo = 'billing',
    now = new Date(),
  }: { actor: Actor; planCode: PlanId; returnTo?: CheckoutReturnPage; now?: Date },
): Promise<CheckoutSessionView> {
  assertCan(actor, 'billing:manage');
  const tenantId = actor.tenantId;
  if (!tenantId) throw new AppError('forbidden', 'Only a tenant’s own admin may start a checkout');
  return openCheckout(deps, { actor, scope: scopeOf(actor), tenantId, planCode, returnTo, now });
}

/** Where Checkout sends the customer back: the billing page, or the onboarding page of a fresh sign-up. */
function returnUrls(webBaseUrl: string, returnTo: CheckoutReturnPage, planCode: string) {
  if (returnTo === 'billing') {
    return {
      successUrl: billingPageUrl(webBaseUrl, `checkout=success&plan=${planCode}`),
      cancelUrl: billingPageUrl(webBaseUrl, 'checkout=cancelled'),
    };
  }
  const welcome = `${webBaseUrl.replace(/\/$/, '')}/register/welcome`;
  return { successUrl: `${welcome}?checkout=success&plan=${planCode}`, cancelUrl: `${welcome}?checkout=cancelled` };
}

/**
 * The Checkout itself, for a tenant the caller has already been allowed to act for: its admin (startCheckout) or
 * the sign-up's verification link (start-signup-checkout.ts, under a system actor). Audited as that actor.
 */
export async function openCheckout(
  deps: CheckoutDeps,
  {
    actor,
    scope,
    tenantId,
    planCode,
    returnTo,
    now,
  }: {
    actor: Actor | SystemActor;
    scope: DbScope;
    tenantId: string;
    planCode: string;
    returnTo: CheckoutReturnPage;
    now: Date;
  },
): Promise<CheckoutSessionView> {
  const facts = await inScope(deps.orm, scope, async (em) => {
    const plan = await em.findOne(Plan, { code: planCode });
    if (!plan) throw notFound('Plan');
    const current = await findTenantPlan(em, tenantId);
    if (current?.plan.id === plan.id) {
      throw new AppError('conflict', `Your organisation is on the ${plan.name} plan already`, {
        extensions: { plan: planCode },
      });
    }
    if (!plan.stripePriceId) {
      throw new AppError('unprocessable', `The ${plan.name} plan is not sold through Checkout`, {
        extensions: { plan: planCode },
      });
    }
    if (current?.subscription.stripeSubscriptionId) {
      // A second Checkout would start a second Stripe subscription next to the one already billing the fee.
      throw new AppError('conflict', 'Your subscription is managed in the billing portal: change your plan there', {
        extensions: { plan: planCode, managedByStripe: true },
      });
    }
    const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
    const account = await em.findOne(BillingAccount, { tenantId });
    return {
      priceId: plan.stripePriceId,
      currency: plan.currency,
      customerId: account?.stripeCustomerId ?? null,
      email: account?.email ?? tenant.contactEmail,
      name: tenant.name,
    };
  });

  const newCustomer = async () => {
    const customer = await deps.sessions.createCustomer({
      idempotencyKey: stripeCustomerKey(tenantId),
      tenantId,
      email: facts.email,
      name: facts.name,
    });
    await inScope(deps.orm, scope, (em) =>
      linkStripeCustomer(em, { tenantId, customerId: customer.id, email: facts.email, currency: facts.currency }),
    );
    return customer.id;
  };
  const window = Math.floor(now.getTime() / CHECKOUT_KEY_WINDOW_MS);
  const checkout = (customerId: string) =>
    deps.sessions.createCheckoutSession({
      // The return page is part of the request: another one within the window is another session.
      idempotencyKey: `checkout-${tenantId}-${planCode}-${customerId}-${window}${returnTo === 'billing' ? '' : `-${returnTo}`}`,
      customerId,
      priceId: facts.priceId,
      ...returnUrls(deps.webBaseUrl, returnTo, planCode),
      clientReferenceId: tenantId,
      metadata: { tenantId, planCode },
    });

  let session = await checkout(facts.customerId ?? (await newCustomer()));
  // A stand-in id from before Stripe was wired (the demo seed): the tenant gets a real customer.
  if (session === 'unknown_customer' && facts.customerId) session = await checkout(await newCustomer());
  if (session === 'unknown_customer') throw new AppError('unavailable', 'Stripe does not know this customer yet');
  const { id: sessionId, url } = session;

  await inScope(deps.orm, scope, async (em) => {
    recordAudit(em, {
      actor,
      tenantId,
      action: 'billing.checkout_started',
      targetType: 'tenant',
      targetId: tenantId,
      details: { planCode, stripeCheckoutSessionId: sessionId },
    });
    await em.flush();
  });
  return { url, sessionId };
}
