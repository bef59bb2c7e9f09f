import { z } from 'zod';
import { USAGE_KINDS } from './usage-kind';

export const PLAN_IDS = ['starter', 'pro', 'enterprise'] as const;
export type PlanId = (typeof PLAN_IDS)[number];

/** Features a plan switches on; a missing one answers 402 naming the plan that has it. */
export const PLAN_FEATURES = ['byokElevenlabs', 'customPrompts', 'whiteLabel', 'apiAccess'] as const;
export type PlanFeature = (typeof PLAN_FEATURES)[number];

/** Limits a plan sets; reaching one answers 429 (API) or a spoken refusal (calls). Null in a plan = no limit. */
export const PLAN_LIMITS = ['maxBots', 'monthlyMinuteCap'] as const;
export type PlanLimit = (typeof PLAN_LIMITS)[number];

const Count = z.int().min(0);

/**
 * One band of a graduated price: units up to `upTo` (cumulative, beyond the included quantity; null = no end) cost
 * `priceMillicents` per `per` units. Millicents (1/1000 cent) per block keep sub-cent prices (a TTS character, a
 * thousand GPT tokens) exact in integers.
 */
export const PriceTier = z.strictObject({
  upTo: z.int().min(1).nullable(),
  priceMillicents: Count,
});
export type PriceTier = z.infer<typeof PriceTier>;

export const UsagePrice = z
  .strictObject({
    /** Units in the monthly fee. */
    included: Count,
    /** The block a tier's price is for: 1 (a minute, a call) or 1000 (characters, tokens). */
    per: z.int().min(1),
    tiers: z.array(PriceTier).min(1),
  })
  .superRefine((price, context) => {
    const bounds = price.tiers.map((tier) => tier.upTo);
    if (bounds.at(-1) !== null) context.addIssue({ code: 'custom', message: 'the last tier must have upTo: null' });
    const finite = bounds.slice(0, -1);
    if (finite.some((bound) => bound === null)) {
      context.addIssue({ code: 'custom', message: 'only the last tier may be unbounded' });
    }
    if (finite.some((bound, i) => i > 0 && (bound ?? 0) <= (finite[i - 1] ?? 0))) {
      context.addIssue({ code: 'custom', message: 'tier bounds must rise' });
    }
  });
export type UsagePrice = z.infer<typeof UsagePrice>;

export const PlanPricing = z.strictObject({
  id: z.enum(PLAN_IDS),
  name: z.string().min(1),
  monthlyFeeCents: Count,
  /** The Stripe price of the monthly fee (paid plans; the subscription and Checkout use it). */
  stripePriceId: z
    .string()
    .regex(/^price_[A-Za-z0-9_]+$/)
    .nullable(),
  features: z.record(z.enum(PLAN_FEATURES), z.boolean()),
  limits: z.strictObject({
    maxBots: z.int().min(1),
    /** Minutes a month after which calls are refused (spoken) and the API answers 429; null = no cap. */
    monthlyMinuteCap: z.int().min(1).nullable(),
  }),
  /** Every usage kind is priced (an enum-keyed record requires each key). */
  usage: z.record(z.enum(USAGE_KINDS), UsagePrice),
});
export type PlanPricing = z.infer<typeof PlanPricing>;

/** `config/pricing.json`: every plan, in one currency. */
export const PricingCatalog = z
  .strictObject({
    currency: z.string().regex(/^[a-z]{3}$/, 'an ISO 4217 code in lower case, as Stripe writes it'),
    defaultPlan: z.enum(PLAN_IDS),
    plans: z.array(PlanPricing).min(1),
  })
  .superRefine((catalog, context) => {
    const ids = catalog.plans.map((plan) => plan.id);
    if (new Set(ids).size !== ids.length) context.addIssue({ code: 'custom', message: 'plan ids must be unique' });
    if (!ids.includes(catalog.defaultPlan)) {
      context.addIssue({ code: 'custom', message: `defaultPlan ${catalog.defaultPlan} is not among the plans` });
    }
    for (const plan of catalog.plans) {
      if (plan.monthlyFeeCents > 0 && !plan.stripePriceId) {
        context.addIssue({ code: 'custom', message: `plan ${plan.id} has a fee but no stripePriceId` });
      }
    }
  });
export type PricingCatalog = z.infer<typeof PricingCatalog>;
