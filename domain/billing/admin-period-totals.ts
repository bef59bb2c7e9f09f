import type { InvoiceRunCounts, MoneyAmount } from '../../contracts/billing-admin';
import { INVOICE_RUN_STATUSES, type InvoiceRunStatus } from '../../contracts/invoice-run-status';
import type { ScopedEm } from '../../db/scope';
import { BILLED_INVOICE_STATUSES, INVOICE_RUN_STATUS_SQL, sqlList } from './admin-invoice-run-status';
import { billableTenantSql } from './list-billable-tenants';

export interface PeriodTotals {
  counts: InvoiceRunCounts;
  billed: MoneyAmount[];
  paid: MoneyAmount[];
}

/** The last day of the month that starts on `p.day`. */
const PERIOD_END_DAY = `(p.day + interval '1 month' - interval '1 day')::date`;

/**
 * Per period (`YYYY-MM`): how many tenants' runs stand at each run status, counting the tenants a run would bill
 * that have no invoice yet as `not_invoiced`, and what was billed and paid per currency. Four periods or forty
 * cost two queries.
 */
export async function adminPeriodTotals(em: ScopedEm, periods: readonly string[]): Promise<Map<string, PeriodTotals>> {
  const totals = new Map(periods.map((period) => [period, emptyTotals()]));
  if (periods.length === 0) return totals;
  const days = periods.map((period) => `${period}-01`);
  const values = days.map(() => '(?::date)').join(', ');

  const counts = await em.execute<{ period: string; run_status: InvoiceRunStatus; tenants: number }[]>(
    `select to_char(p.day, 'YYYY-MM') as period, r.run_status, count(*)::int as tenants
       from (values ${values}) as p (day)
       cross join lateral (
         select ${INVOICE_RUN_STATUS_SQL} as run_status
           from tenants t
           left join invoices i on i.tenant_id = t.id and i.period_start = p.day
          where i.id is not null or (${billableTenantSql(PERIOD_END_DAY)})
       ) r
      group by 1, 2`,
    days,
  );
  for (const row of counts) totals.get(row.period)!.counts[row.run_status] = row.tenants;

  const money = await em.execute<{ period: string; currency: string; billed: string; paid: string }[]>(
    `select to_char(period_start, 'YYYY-MM') as period, currency,
            coalesce(sum(total_cents) filter (where status in (${sqlList(BILLED_INVOICE_STATUSES)})), 0) as billed,
            coalesce(sum(total_cents) filter (where status = 'paid'), 0) as paid
       from invoices
      where period_start in (${days.map(() => '?::date').join(', ')})
      group by 1, 2
      order by 2`,
    days,
  );
  for (const row of money) {
    const period = totals.get(row.period)!;
    if (Number(row.billed) > 0) period.billed.push({ currency: row.currency, totalCents: Number(row.billed) });
    if (Number(row.paid) > 0) period.paid.push({ currency: row.currency, totalCents: Number(row.paid) });
  }
  return totals;
}

function emptyTotals(): PeriodTotals {
  const counts = Object.fromEntries(INVOICE_RUN_STATUSES.map((status) => [status, 0])) as InvoiceRunCounts;
  return { counts, billed: [], paid: [] };
}
