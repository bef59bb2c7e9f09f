import type { InvoiceRunPeriodView } from '../../contracts/billing-admin';
import type { Page, PageQuery } from '../../contracts/page';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { pageWindow } from '../pagination';
import { adminPeriodTotals } from './admin-period-totals';

/** Every period that has invoices or a run an operator started (audited by start-invoice-run.ts). */
const PERIODS = `select period_start as day from invoices
                 union
                 select ((details ->> 'period') || '-01')::date from audit_log where action = 'invoice_run.start'`;

/** The periods invoice runs billed or were started for, newest first, each with its run counts and totals. */
export async function listInvoiceRuns(
  deps: { orm: Orm },
  { actor, page }: { actor: Actor; page: PageQuery },
): Promise<Page<InvoiceRunPeriodView>> {
  assertCan(actor, 'billing:overview');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const [{ total }] = await em.execute<[{ total: number }]>(`select count(*)::int as total from (${PERIODS}) p`);
    const { limit, offset } = pageWindow(page);
    const rows = await em.execute<{ period: string; last_started_at: Date | null }[]>(
      `select to_char(p.day, 'YYYY-MM') as period,
              (select max(a.created_at) from audit_log a
                where a.action = 'invoice_run.start' and a.details ->> 'period' = to_char(p.day, 'YYYY-MM'))
                as last_started_at
         from (${PERIODS}) p
        order by p.day desc
        limit ? offset ?`,
      [limit, offset],
    );
    const totals = await adminPeriodTotals(
      em,
      rows.map((row) => row.period),
    );
    const items = rows.map((row) => ({
      period: row.period,
      ...totals.get(row.period)!,
      lastStartedAt: row.last_started_at ? new Date(row.last_started_at).toISOString() : null,
    }));
    return { items, total, ...page };
  });
}
