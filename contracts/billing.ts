import { z } from 'zod';
import { PLAN_FEATURES, PLAN_IDS, PLAN_LIMITS, type PlanFeature, type PlanLimit } from './pricing';
import { SUBSCRIPTION_STATUSES } from './subscription-status';
import { USAGE_KINDS, type UsageKind } from './usage-kind';
import { UsageTotals } from './usage';

const keyed = <Key extends string, Value extends z.ZodType>(keys: readonly Key[], value: Value) =>
  z.object(Object.fromEntries(keys.map((key) => [key, value])) as Record<Key, Value>);

/** A band of a graduated price, as in config/pricing.json: `priceMillicents` per `per` units up to `upTo`. */
export const PriceTierView = z
  .object({ upTo: z.int().nullable(), priceMillicents: z.int() })
  .meta({ id: 'PriceTierView' });

/** What one usage kind costs on a plan: `included` units are in the fee, the rest priced band by band. */
export const UsagePriceView = z
  .object({ included: z.int(), per: z.int(), tiers: z.array(PriceTierView) })
  .meta({ id: 'UsagePriceView' });
export type UsagePriceView = z.infer<typeof UsagePriceView>;

/** A plan of the price list: fee, features, limits (null = none) and the price of every usage kind. */
export const PlanView = z
  .object({
    code: z.enum(PLAN_IDS),
    name: z.string(),
    /** ISO 4217, e.g. EUR. */
    currency: z.string(),
    monthlyFeeCents: z.int(),
    /** The plan new tenants start on. */
    isDefault: z.boolean(),
    features: keyed<PlanFeature, z.ZodBoolean>(PLAN_FEATURES, z.boolean()),
    limits: keyed<PlanLimit, z.ZodNullable<z.ZodInt>>(PLAN_LIMITS, z.int().nullable()),
    usage: keyed<UsageKind, typeof UsagePriceView>(USAGE_KINDS, UsagePriceView),
  })
  .meta({ id: 'PlanView' });
export type PlanView = z.infer<typeof PlanView>;

/** Every plan, in the price list's order. */
export const PlanList = z.object({ items: z.array(PlanView) }).meta({ id: 'PlanList' });
export type PlanList = z.infer<typeof PlanList>;

/** Platform staff name the tenant; a customer's is their own. */
export const SubscriptionQuery = z.strictObject({ tenantId: z.uuid().optional() });
export type SubscriptionQuery = z.infer<typeof SubscriptionQuery>;

/** One limit of the plan this month: `used` of `allowed` (null = no limit); `reached` means the gate refuses. */
export const LimitUsageView = z
  .object({ limit: z.enum(PLAN_LIMITS), used: z.int().min(0), allowed: z.int().nullable(), reached: z.boolean() })
  .meta({ id: 'LimitUsageView' });
export type LimitUsageView = z.infer<typeof LimitUsageView>;

/** A line of the estimated invoice, as domain/billing/rate-usage.ts rates it. */
export const EstimateLineView = z
  .object({
    kind: z.enum(['subscription', ...USAGE_KINDS]),
    /** The price band (0-based) of a usage line; null for the monthly fee. */
    tier: z.int().nullable(),
    quantity: z.int(),
    amountCents: z.int(),
    description: z.string(),
  })
  .meta({ id: 'EstimateLineView' });

/** What this month's invoice comes to so far: the fee plus usage beyond what the plan includes. */
export const InvoiceEstimateView = z
  .object({ currency: z.string(), totalCents: z.int(), lines: z.array(EstimateLineView) })
  .meta({ id: 'InvoiceEstimateView' });

export const SubscriptionView = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    plan: PlanView,
    status: z.enum(SUBSCRIPTION_STATUSES),
    /** Since when a payment is overdue (`past_due` only). */
    pastDueSince: z.string().nullable(),
    /** When calls stop unless the overdue payment arrives (`past_due` only). */
    callsRefusedFrom: z.string().nullable(),
    /** The inclusive UTC day range of this billing month, which usage and estimate cover. */
    period: z.object({ from: z.iso.date(), to: z.iso.date() }),
    limits: z.array(LimitUsageView),
    usage: UsageTotals,
    estimate: InvoiceEstimateView,
    /**
     * A Stripe subscription (made by Checkout) collects the plan's monthly fee: the monthly platform invoice bills
     * usage only, and the customer changes plan or cancels in the billing portal (decision 012).
     */
    managedByStripe: z.boolean(),
  })
  .meta({ id: 'SubscriptionView' });
export type SubscriptionView = z.infer<typeof SubscriptionView>;

export const TenantPlanParams = z.object({ tenantId: z.uuid() });

export const ChangePlanBody = z.strictObject({ planCode: z.enum(PLAN_IDS) });
export type ChangePlanBody = z.infer<typeof ChangePlanBody>;

/**
 * What Stripe still has to do after a plan change: nothing, create a subscription for a paid plan, move the existing
 * one to the new plan's price, or cancel it for the free plan.
 */
export const STRIPE_FOLLOW_UPS = ['none', 'create', 'update', 'cancel'] as const;
export type StripeFollowUp = (typeof STRIPE_FOLLOW_UPS)[number];

/** A platform admin's plan change: from which plan (null: the tenant had none), and the subscription now. */
export const PlanChangeView = z
  .object({
    from: z.enum(PLAN_IDS).nullable(),
    to: z.enum(PLAN_IDS),
    changed: z.boolean(),
    stripeFollowUp: z.enum(STRIPE_FOLLOW_UPS),
    /** The `changeStripePlan` run carrying out an `update` or `cancel` on Stripe; null when Stripe has nothing to do. */
    stripeWorkflowId: z.string().nullable(),
    subscription: SubscriptionView,
  })
  .meta({ id: 'PlanChangeView' });
export type PlanChangeView = z.infer<typeof PlanChangeView>;

/** Where Checkout sends the customer back: the billing page (default) or the sign-up's onboarding page. */
export const CHECKOUT_RETURN_PAGES = ['billing', 'signup'] as const;
export type CheckoutReturnPage = (typeof CHECKOUT_RETURN_PAGES)[number];

/** A customer admin's upgrade through Stripe Checkout: the paid plan to subscribe to. */
export const CheckoutBody = z.strictObject({
  planCode: z.enum(PLAN_IDS),
  returnTo: z.enum(CHECKOUT_RETURN_PAGES).optional(),
});
export type CheckoutBody = z.infer<typeof CheckoutBody>;

/** Where to send the browser: Stripe's hosted Checkout page for this session. */
export const CheckoutSessionView = z
  .object({ url: z.url(), sessionId: z.string() })
  .meta({ id: 'CheckoutSessionView' });
export type CheckoutSessionView = z.infer<typeof CheckoutSessionView>;

/** Where to send the browser: Stripe's customer portal (change plan, card, cancel), returning to the billing page. */
export const PortalSessionView = z.object({ url: z.url() }).meta({ id: 'PortalSessionView' });
export type PortalSessionView = z.infer<typeof PortalSessionView>;
