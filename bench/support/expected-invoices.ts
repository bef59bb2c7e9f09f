import type { PlanId, PricingCatalog } from '../../contracts/pricing';
import type { UsageKind } from '../../contracts/usage-kind';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { periodDays } from '../../domain/billing/billing-period';
import { pgArray } from './pg-array';

export interface ExpectedInvoice {
  totalCents: number;
  /** Lines a rated invoice has: the fee, and one per price band with units in it. */
  lines: number;
}

/**
 * Each tenant's usage in the period from the raw events (not the rollup the platform reads), by timestamp: from the
 * first instant of the period's first UTC day to before the first instant of the next month.
 */
export async function usageInPeriod(
  orm: Orm,
  tenantIds: string[],
  period: string,
): Promise<Map<string, Partial<Record<UsageKind, number>>>> {
  const { start, endExclusive } = periodDays(period);
  const rows = await inScope(orm, { system: 'bench-invoices' }, (em) =>
    em.execute<{ tenant_id: string; kind: UsageKind; quantity: string }[]>(
      `select tenant_id, kind, sum(quantity)::text as quantity from usage_events
        where tenant_id = any(?::uuid[]) and occurred_at >= ?::timestamptz and occurred_at < ?::timestamptz
        group by 1, 2`,
      [pgArray(tenantIds), `${start}T00:00:00Z`, `${endExclusive}T00:00:00Z`],
    ),
  );
  const usage = new Map(tenantIds.map((id) => [id, {} as Partial<Record<UsageKind, number>>]));
  for (const row of rows) usage.get(row.tenant_id)![row.kind] = Number(row.quantity);
  return usage;
}

/**
 * The bench's own reading of `config/pricing.json`, written from the price list's definition and not from the
 * platform's rating code: the monthly fee (the bench's tenants have no Stripe subscription collecting it), then
 * per kind the usage beyond the included quantity cut into the graduated bands (`upTo` counts units beyond the
 * included ones), each band's units × price in millicents per `per` units, rounded half up to whole cents once
 * per band.
 */
export function expectedInvoice(
  catalog: PricingCatalog,
  planId: PlanId,
  usage: Partial<Record<UsageKind, number>>,
): ExpectedInvoice {
  const plan = catalog.plans.find((candidate) => candidate.id === planId)!;
  let totalCents = BigInt(plan.monthlyFeeCents);
  let lines = plan.monthlyFeeCents > 0 ? 1 : 0;
  for (const [kind, price] of Object.entries(plan.usage)) {
    let over = BigInt(Math.max(0, (usage[kind as UsageKind] ?? 0) - price.included));
    let bandFloor = 0n;
    for (const tier of price.tiers) {
      if (over === 0n) break;
      const width = tier.upTo === null ? over : BigInt(tier.upTo) - bandFloor;
      const units = over < width ? over : width;
      const millicents = units * BigInt(tier.priceMillicents);
      const perUnitsInMillicents = BigInt(price.per) * 1000n;
      const cents = millicents / perUnitsInMillicents;
      const remainder = millicents % perUnitsInMillicents;
      totalCents += 2n * remainder >= perUnitsInMillicents ? cents + 1n : cents;
      lines += 1;
      over -= units;
      bandFloor += units;
    }
  }
  return { totalCents: Number(totalCents), lines };
}
