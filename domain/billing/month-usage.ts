import type { UsageTotals } from '../../contracts/usage';
import { USAGE_KINDS, type UsageKind } from '../../contracts/usage-kind';
import type { ScopedEm } from '../../db/scope';
import { countBots } from './count-bots';

export interface MonthUsage {
  totals: UsageTotals;
  /** Bots that count against `maxBots` (now, not summed over the range). */
  bots: number;
}

/** A tenant's usage per kind over an inclusive day range, summed from the daily rollup (never the raw events). */
export async function usageTotals(
  em: ScopedEm,
  { tenantId, from, to }: { tenantId: string; from: string; to: string },
): Promise<UsageTotals> {
  const rows = await em.execute<{ kind: UsageKind; quantity: string }[]>(
    `select kind, sum(quantity) as quantity from usage_daily
      where tenant_id = ? and day between ? and ? group by kind`,
    [tenantId, from, to],
  );
  const totals = Object.fromEntries(USAGE_KINDS.map((kind) => [kind, 0])) as UsageTotals;
  for (const row of rows) if (row.kind in totals) totals[row.kind] = Number(row.quantity);
  return totals;
}

/** A tenant's usage over a day range and its bots. */
export async function monthUsage(
  em: ScopedEm,
  range: { tenantId: string; from: string; to: string },
): Promise<MonthUsage> {
  return { totals: await usageTotals(em, range), bots: await countBots(em, range.tenantId) };
}
