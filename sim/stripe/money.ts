/**
 * `quantity` × a unit amount in cents given as a decimal string (`0.125`), rounded half away from zero to whole
 * cents, in exact integer arithmetic as Stripe computes invoice item amounts.
 */
export function lineAmount(quantity: number, unitAmountDecimal: string): number {
  const negative = unitAmountDecimal.startsWith('-');
  const [whole = '0', fraction = ''] = unitAmountDecimal.replace('-', '').split('.');
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * BigInt(Math.abs(quantity));
  const rounded = (scaled * 2n + scale) / (2n * scale);
  return Number(negative !== quantity < 0 ? -rounded : rounded);
}

/** A decimal string's integer value when it has no fraction, else null (Stripe's `unit_amount` beside `_decimal`). */
export function wholeCents(unitAmountDecimal: string): number | null {
  return /^-?\d+$/.test(unitAmountDecimal) ? Number(unitAmountDecimal) : null;
}
