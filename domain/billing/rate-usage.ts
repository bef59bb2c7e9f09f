import type { PlanPricing } from '../../contracts/pricing';
import { USAGE_KINDS, type UsageKind } from '../../contracts/usage-kind';
import { AppError } from '../errors/app-error';

export interface RatedLine {
  kind: 'subscription' | UsageKind;
  /** The price band (0-based) of a usage line; null for the monthly fee. */
  tier: number | null;
  quantity: number;
  amountCents: number;
  description: string;
}

export interface RatedPeriod {
  lines: RatedLine[];
  totalCents: number;
}

/** How invoices name each usage kind. */
export const KIND_LABELS: Record<UsageKind, string> = {
  call_started: 'Calls',
  minutes: 'Call minutes',
  stt_requests: 'Speech-to-text requests',
  tts_chars: 'Text-to-speech characters',
  gpt_tokens: 'Language model tokens',
};

/**
 * The fee rule (decision 012): a tenant whose subscription is linked to a Stripe subscription (Checkout) pays the
 * plan's monthly fee through that subscription, so its monthly platform invoice rates the plan without the fee
 * (usage lines only); without one, the platform invoice carries the fee.
 */
export const withoutMonthlyFee = (plan: PlanPricing): PlanPricing => ({ ...plan, monthlyFeeCents: 0 });

/** numerator / denominator rounded half up, in exact integer arithmetic. */
const roundHalfUp = (numerator: bigint, denominator: bigint): bigint =>
  (2n * numerator + denominator) / (2n * denominator);

/**
 * Rates one period's usage on a plan: the monthly fee (none when a Stripe subscription collects it, see
 * `withoutMonthlyFee`), then per usage kind the quantity beyond what the plan includes, priced band by band
 * (graduated: each band's units at that band's price).
 *
 * Rounding rule: each line is computed exactly (quantity × millicents ÷ block size) and rounded half up to whole
 * cents once, on that line; the total is the sum of the rounded lines, so it always equals what the invoice shows.
 */
export function rateUsage(plan: PlanPricing, usage: Partial<Record<UsageKind, number>>): RatedPeriod {
  const lines: RatedLine[] = [];
  if (plan.monthlyFeeCents > 0) {
    lines.push({
      kind: 'subscription',
      tier: null,
      quantity: 1,
      amountCents: plan.monthlyFeeCents,
      description: `${plan.name} plan, monthly fee`,
    });
  }
  for (const kind of USAGE_KINDS) {
    const quantity = usage[kind] ?? 0;
    if (!Number.isSafeInteger(quantity) || quantity < 0) {
      throw new AppError('bad_request', `Usage of ${kind} must be a whole number ≥ 0, got ${quantity}`);
    }
    lines.push(...rateKind(kind, plan.usage[kind], quantity));
  }
  return { lines, totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0) };
}

function rateKind(kind: UsageKind, price: PlanPricing['usage'][UsageKind], quantity: number): RatedLine[] {
  const billable = Math.max(0, quantity - price.included);
  const lines: RatedLine[] = [];
  let bandStart = 0;
  for (const [tier, band] of price.tiers.entries()) {
    const bandEnd = band.upTo ?? Number.POSITIVE_INFINITY;
    const units = Math.min(billable, bandEnd) - bandStart;
    if (units <= 0) break;
    const amount = roundHalfUp(BigInt(units) * BigInt(band.priceMillicents), BigInt(price.per) * 1000n);
    lines.push({
      kind,
      tier,
      quantity: units,
      amountCents: Number(amount),
      description: `${KIND_LABELS[kind]} beyond the ${price.included.toLocaleString('en')} included, ${describeBand(bandStart, band.upTo)}`,
    });
    bandStart = bandEnd;
  }
  return lines;
}

const describeBand = (start: number, end: number | null): string =>
  end === null
    ? `from ${(start + 1).toLocaleString('en')}`
    : `${(start + 1).toLocaleString('en')}–${end.toLocaleString('en')}`;
