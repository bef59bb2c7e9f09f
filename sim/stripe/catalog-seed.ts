import { loadPricingCatalog } from '../../config/pricing';
import type { StripePrice, StripeProduct } from './state';

/**
 * The products and monthly prices `config/pricing.json` names by `stripePriceId`, as they would exist in the
 * Stripe account; plans without a fee have no price, as on Stripe.
 */
export function seedCatalog(): { products: Map<string, StripeProduct>; prices: Map<string, StripePrice> } {
  const catalog = loadPricingCatalog();
  const products = new Map<string, StripeProduct>();
  const prices = new Map<string, StripePrice>();
  const created = Math.floor(Date.UTC(2025, 0, 1) / 1000);
  for (const plan of catalog.plans) {
    if (!plan.stripePriceId) continue;
    const product: StripeProduct = {
      id: `prod_voiceplane_${plan.id}`,
      created,
      name: `VoicePlane ${plan.name}`,
      description: `The ${plan.name} plan`,
      active: true,
      metadata: { plan: plan.id },
    };
    products.set(product.id, product);
    prices.set(plan.stripePriceId, {
      id: plan.stripePriceId,
      created,
      product: product.id,
      currency: catalog.currency,
      unitAmountDecimal: String(plan.monthlyFeeCents),
      recurring: { interval: 'month', intervalCount: 1 },
      nickname: plan.name,
      lookupKey: plan.id,
      active: true,
      metadata: { plan: plan.id },
    });
  }
  return { products, prices };
}
