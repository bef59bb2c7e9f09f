import type { MoneyAmount, PastDueTenantView } from '../../contracts/billing-admin';
import type { Page, PageQuery } from '../../contracts/page';
import type { TenantStatus } from '../../contracts/tenant-status';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { pageWindow } from '../pagination';
import { sqlList, UNPAID_INVOICE_STATUSES } from './admin-invoice-run-status';
import { callsRefusedFrom, isSuspendedForNonpayment } from './gates';

const DAY_MS = 86_400_000;

interface PastDueRow {
  tenant_id: string;
  tenant_name: string;
  tenant_status: TenantStatus;
  plan_code: string;
  plan_name: string;
  past_due_since: Date;
  suspension_due_at: Date | null;
  suspended_at: Date | null;
}

/**
 * Tenants whose subscription is past due, the longest overdue first: what they owe (open and uncollectible
 * invoices) and when their calls stop, as dunning scheduled it and the call gate reads it (gates.ts).
 */
export async function listPastDueTenants(
  deps: { orm: Orm },
  { actor, page, now = new Date() }: { actor: Actor; page: PageQuery; now?: Date },
): Promise<Page<PastDueTenantView>> {
  assertCan(actor, 'billing:overview');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const [{ total }] = await em.execute<[{ total: number }]>(
      `select count(*)::int as total from subscriptions where status = 'past_due'`,
    );
    const { limit, offset } = pageWindow(page);
    const rows = await em.execute<PastDueRow[]>(
      `select s.tenant_id, t.name as tenant_name, t.status as tenant_status, p.code as plan_code,
              p.name as plan_name, s.past_due_since,
              s.suspension_due_at, s.suspended_at
         from subscriptions s
         join tenants t on t.id = s.tenant_id
         join plans p on p.id = s.plan_id
        where s.status = 'past_due'
        order by s.past_due_since, s.tenant_id
        limit ? offset ?`,
      [limit, offset],
    );
    const ids = rows.map((row) => row.tenant_id);
    const unpaid =
      ids.length === 0
        ? []
        : await em.execute<{ tenant_id: string; currency: string; total: string; invoices: number }[]>(
            `select tenant_id, currency, sum(total_cents) as total, count(*)::int as invoices
               from invoices
              where status in (${sqlList(UNPAID_INVOICE_STATUSES)}) and tenant_id in (${ids.map(() => '?').join(', ')})
              group by 1, 2
              order by 2`,
            ids,
          );
    const items = rows.map((row): PastDueTenantView => {
      const owed = unpaid.filter((invoice) => invoice.tenant_id === row.tenant_id);
      const at = (value: Date | null) => (value ? new Date(value) : null);
      const standing = {
        status: 'past_due' as const,
        pastDueSince: new Date(row.past_due_since),
        suspensionDueAt: at(row.suspension_due_at),
        suspendedAt: at(row.suspended_at),
      };
      const refusedFrom = callsRefusedFrom(standing);
      const left = refusedFrom ? refusedFrom.getTime() - now.getTime() : null;
      return {
        tenantId: row.tenant_id,
        tenantName: row.tenant_name,
        tenantStatus: row.tenant_status,
        planCode: row.plan_code,
        planName: row.plan_name,
        pastDueSince: standing.pastDueSince.toISOString(),
        callsRefusedFrom: refusedFrom?.toISOString() ?? null,
        daysUntilCallsRefused: left === null ? null : Math.max(0, Math.ceil(left / DAY_MS)),
        callsRefused: isSuspendedForNonpayment(standing),
        outstanding: owed.map((invoice): MoneyAmount => ({
          currency: invoice.currency,
          totalCents: Number(invoice.total),
        })),
        unpaidInvoices: owed.reduce((sum, invoice) => sum + invoice.invoices, 0),
      };
    });
    return { items, total, ...page };
  });
}
