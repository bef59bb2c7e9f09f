import type { AdminInvoiceQuery, AdminInvoiceView } from '../../contracts/billing-admin';
import type { InvoiceStatus } from '../../contracts/invoice-status';
import type { Page, PageQuery } from '../../contracts/page';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { pageWindow } from '../pagination';
import type { InvoicingWorkflows } from './invoicing-port';

export type InvoiceRowLink = Pick<InvoicingWorkflows, 'link'>;

interface InvoiceRow {
  id: string;
  tenant_id: string;
  tenant_name: string;
  period_start: string;
  period_end: string;
  status: InvoiceStatus;
  currency: string;
  total_cents: string;
  hosted_invoice_url: string | null;
  pdf_url: string | null;
  stripe_invoice_number: string | null;
  failure_reason: string | null;
  workflow_id: string | null;
  finalized_at: Date | null;
  created_at: Date;
}

const FILTER = `(?::text is null or i.status = ?::text)
            and (?::date is null or i.period_start = ?::date)
            and (?::uuid is null or i.tenant_id = ?::uuid)`;

const filterParams = (filter: AdminInvoiceQuery) => {
  const day = filter.period ? `${filter.period}-01` : null;
  const [status, tenantId] = [filter.status ?? null, filter.tenantId ?? null];
  return [status, status, day, day, tenantId, tenantId];
};

/** Invoices of every tenant matching the filter, newest period first, then by tenant name; and how many match. */
export async function findInvoicesAcrossTenants(
  em: ScopedEm,
  filter: AdminInvoiceQuery,
  window: { limit: number; offset: number },
  link: InvoiceRowLink['link'],
): Promise<{ items: AdminInvoiceView[]; total: number }> {
  const [{ total }] = await em.execute<[{ total: number }]>(
    `select count(*)::int as total from invoices i where ${FILTER}`,
    filterParams(filter),
  );
  const rows = await em.execute<InvoiceRow[]>(
    `select i.id, i.tenant_id, t.name as tenant_name, to_char(i.period_start, 'YYYY-MM-DD') as period_start,
            to_char(i.period_end, 'YYYY-MM-DD') as period_end, i.status, i.currency, i.total_cents,
            i.hosted_invoice_url, i.pdf_url, i.stripe_invoice_number, i.failure_reason, i.workflow_id,
            i.finalized_at, i.created_at
       from invoices i
       join tenants t on t.id = i.tenant_id
      where ${FILTER}
      order by i.period_start desc, t.name, i.id
      limit ? offset ?`,
    [...filterParams(filter), window.limit, window.offset],
  );
  return { items: rows.map((row) => toAdminInvoiceView(row, link)), total };
}

/** A page of every tenant's invoices for platform staff, by status, period and tenant. */
export async function listInvoicesAcrossTenants(
  deps: { orm: Orm; invoicing: InvoiceRowLink },
  { actor, page, filter }: { actor: Actor; page: PageQuery; filter: AdminInvoiceQuery },
): Promise<Page<AdminInvoiceView>> {
  assertCan(actor, 'billing:overview');
  return inScope(deps.orm, scopeOf(actor), async (em) => ({
    ...(await findInvoicesAcrossTenants(em, filter, pageWindow(page), deps.invoicing.link)),
    ...page,
  }));
}

const toAdminInvoiceView = (row: InvoiceRow, link: InvoiceRowLink['link']): AdminInvoiceView => ({
  id: row.id,
  tenantId: row.tenant_id,
  tenantName: row.tenant_name,
  period: row.period_start.slice(0, 7),
  periodStart: row.period_start,
  periodEnd: row.period_end,
  status: row.status,
  currency: row.currency,
  totalCents: Number(row.total_cents),
  number: row.stripe_invoice_number,
  hostedInvoiceUrl: row.hosted_invoice_url,
  pdfUrl: row.pdf_url,
  failureReason: row.failure_reason,
  workflowUrl: row.workflow_id ? link(row.workflow_id) : null,
  finalizedAt: row.finalized_at ? new Date(row.finalized_at).toISOString() : null,
  createdAt: new Date(row.created_at).toISOString(),
});
