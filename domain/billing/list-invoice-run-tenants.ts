import type { InvoiceRunDetail, InvoiceRunStartView, InvoiceRunTenantsQuery } from '../../contracts/billing-admin';
import type { InvoiceStatus } from '../../contracts/invoice-status';
import type { InvoiceRunStatus } from '../../contracts/invoice-run-status';
import type { PageQuery } from '../../contracts/page';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { pageWindow } from '../pagination';
import { INVOICE_RUN_STATUS_SQL } from './admin-invoice-run-status';
import { adminPeriodTotals } from './admin-period-totals';
import { periodDays, type BillingPeriod } from './billing-period';
import type { InvoicingWorkflows } from './invoicing-port';
import { billableTenantSql } from './list-billable-tenants';

/** A run started this recently may still be about to write its first invoices: the page keeps polling meanwhile. */
export const RECENT_START_MS = 5 * 60_000;

/** Runs started by hand that the page lists. */
const STARTS_SHOWN = 10;

interface TenantRunRow {
  tenant_id: string;
  tenant_name: string;
  run_status: InvoiceRunStatus;
  invoice_id: string | null;
  invoice_status: InvoiceStatus | null;
  currency: string | null;
  total_cents: string | null;
  failure_reason: string | null;
  workflow_id: string | null;
  hosted_invoice_url: string | null;
  pdf_url: string | null;
  updated_at: Date | null;
}

/**
 * One period's invoice runs for platform staff: run counts and totals, the runs operators started, and a page of
 * the period's tenants by name (those with an invoice of the period and those a run would bill), each with its
 * run status, invoice and workflow.
 */
export async function listInvoiceRunTenants(
  deps: { orm: Orm; invoicing: Pick<InvoicingWorkflows, 'link'> },
  input: {
    actor: Actor;
    period: BillingPeriod;
    page: PageQuery;
    filter: Pick<InvoiceRunTenantsQuery, 'status'>;
    now?: Date;
  },
): Promise<InvoiceRunDetail> {
  assertCan(input.actor, 'billing:overview');
  const { start, end } = periodDays(input.period);
  const status = input.filter.status ?? null;
  return inScope(deps.orm, scopeOf(input.actor), async (em) => {
    const totals = (await adminPeriodTotals(em, [input.period])).get(input.period)!;
    const { limit, offset } = pageWindow(input.page);
    const rows = await em.execute<TenantRunRow[]>(
      `select * from (
         select t.id as tenant_id, t.name as tenant_name, ${INVOICE_RUN_STATUS_SQL} as run_status,
                i.id as invoice_id, i.status as invoice_status, i.currency, i.total_cents, i.failure_reason,
                i.workflow_id, i.hosted_invoice_url, i.pdf_url, i.updated_at
           from tenants t
           left join invoices i on i.tenant_id = t.id and i.period_start = ?::date
          where i.id is not null or (${billableTenantSql('?::date')})
       ) r
       where ?::text is null or r.run_status = ?::text
       order by r.tenant_name, r.tenant_id
       limit ? offset ?`,
      [start, end, status, status, limit, offset],
    );
    const starts = await runStarts(em, input.period, deps.invoicing.link);
    const recent = starts[0] && (input.now ?? new Date()).getTime() - Date.parse(starts[0].startedAt) < RECENT_START_MS;
    const counts = totals.counts;
    return {
      period: input.period,
      ...totals,
      refreshing: counts.in_progress > 0 || Boolean(recent && counts.not_invoiced > 0),
      starts,
      items: rows.map((row) => ({
        tenantId: row.tenant_id,
        tenantName: row.tenant_name,
        status: row.run_status,
        invoiceId: row.invoice_id,
        invoiceStatus: row.invoice_status,
        currency: row.currency,
        totalCents: row.total_cents === null ? null : Number(row.total_cents),
        failureReason: row.failure_reason,
        workflowId: row.workflow_id,
        workflowUrl: row.workflow_id ? deps.invoicing.link(row.workflow_id) : null,
        hostedInvoiceUrl: row.hosted_invoice_url,
        pdfUrl: row.pdf_url,
        updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
      })),
      total: status ? counts[status] : Object.values(counts).reduce((sum, n) => sum + n, 0),
      ...input.page,
    };
  });
}

/** The latest runs of the period started through the API, from their audit rows. */
async function runStarts(
  em: ScopedEm,
  period: BillingPeriod,
  link: (workflowId: string) => string,
): Promise<InvoiceRunStartView[]> {
  const rows = await em.execute<
    { workflow_id: string; tenant_id: string | null; tenant_name: string | null; at: Date; started_by: string | null }[]
  >(
    `select a.details ->> 'workflowId' as workflow_id, a.tenant_id, t.name as tenant_name, a.created_at as at,
            u.name as started_by
       from audit_log a
       left join tenants t on t.id = a.tenant_id
       left join users u on u.id = a.actor_user_id
      where a.action = 'invoice_run.start' and a.details ->> 'period' = ?
      order by a.created_at desc, a.id desc
      limit ?`,
    [period, STARTS_SHOWN],
  );
  return rows.map((row) => ({
    workflowId: row.workflow_id,
    workflowUrl: link(row.workflow_id),
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    startedAt: new Date(row.at).toISOString(),
    startedBy: row.started_by,
  }));
}
