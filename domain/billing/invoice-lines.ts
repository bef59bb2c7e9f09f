import type { PlanPricing } from '../../contracts/pricing';
import type { UsageTotals } from '../../contracts/usage';
import { USAGE_KINDS, type UsageKind } from '../../contracts/usage-kind';
import type { BillingPeriod } from './billing-period';
import { KIND_LABELS, rateUsage, type RatedLine } from './rate-usage';

/** Usage per kind; a kind left out was not used. */
type Usage = Partial<UsageTotals>;

export interface InvoiceLineDraft extends RatedLine {
  /** The period whose usage the line bills: the invoice's own, or the previous one for late usage. */
  sourcePeriod: BillingPeriod;
}

/** What was rated for the previous period when its invoice was finalized, and its usage as it stands now. */
export interface LateUsage {
  period: BillingPeriod;
  plan: PlanPricing;
  billed: Usage;
  now: Usage;
}

/**
 * The lines of one period's invoice: the period rated on its plan, then, when usage of the previous period arrived
 * after that invoice was finalized, one adjustment line per usage kind. An adjustment is the difference between
 * rating the previous period's usage as it stands now and as it was billed, on that period's plan, so included
 * quantities and price bands apply exactly as if the usage had been on time. Usage never shrinks, so a kind whose
 * usage is unchanged gets no line.
 */
export function invoiceLines(
  period: BillingPeriod,
  plan: PlanPricing,
  usage: Usage,
  late: LateUsage | null,
): { lines: InvoiceLineDraft[]; totalCents: number } {
  const lines: InvoiceLineDraft[] = rateUsage(plan, usage).lines.map((line) => ({ ...line, sourcePeriod: period }));
  if (late) lines.push(...lateUsageLines(late));
  return { lines, totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0) };
}

function lateUsageLines({ period, plan, billed, now }: LateUsage): InvoiceLineDraft[] {
  const before = rateUsage(plan, billed).lines;
  const after = rateUsage(plan, now).lines;
  const amountOf = (lines: RatedLine[], kind: UsageKind) =>
    lines.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.amountCents, 0);
  return USAGE_KINDS.flatMap((kind) => {
    const quantity = (now[kind] ?? 0) - (billed[kind] ?? 0);
    if (quantity <= 0) return [];
    const amountCents = amountOf(after, kind) - amountOf(before, kind);
    return [
      {
        kind,
        tier: null,
        quantity,
        amountCents,
        description: `${KIND_LABELS[kind]} of ${period} reported after its invoice was finalized`,
        sourcePeriod: period,
      },
    ];
  });
}
