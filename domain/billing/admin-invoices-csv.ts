import type { AdminInvoiceQuery, AdminInvoiceView } from '../../contracts/billing-admin';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { asText, csvLines } from '../csv';
import { AppError } from '../errors/app-error';
import { findInvoicesAcrossTenants, type InvoiceRowLink } from './list-invoices-across-tenants';

/** An export is built in memory: beyond this many invoices the caller narrows the filter (a period, a status). */
export const CSV_MAX_INVOICES = 10_000;

const COLUMNS: Array<[string, (invoice: AdminInvoiceView) => string | null]> = [
  ['period', (invoice) => invoice.period],
  ['tenant', (invoice) => asText(invoice.tenantName)],
  ['tenant_id', (invoice) => invoice.tenantId],
  ['invoice_id', (invoice) => invoice.id],
  ['number', (invoice) => invoice.number],
  ['status', (invoice) => invoice.status],
  ['currency', (invoice) => invoice.currency],
  ['total', (invoice) => decimal(invoice.totalCents)],
  ['issued_at', (invoice) => invoice.createdAt],
  ['finalized_at', (invoice) => invoice.finalizedAt],
  ['hosted_invoice_url', (invoice) => invoice.hostedInvoiceUrl],
  ['pdf_url', (invoice) => invoice.pdfUrl],
];

/**
 * Every invoice matching the filter as CSV (RFC 4180, CRLF line ends), in the order of the list. Amounts are
 * decimal units of their currency (12.34), exact from integer cents. `maxInvoices` lowers the cap (tests).
 */
export async function adminInvoicesCsv(
  deps: { orm: Orm; invoicing: InvoiceRowLink },
  { actor, filter, maxInvoices = CSV_MAX_INVOICES }: { actor: Actor; filter: AdminInvoiceQuery; maxInvoices?: number },
): Promise<string> {
  assertCan(actor, 'billing:overview');
  const { items, total } = await inScope(deps.orm, scopeOf(actor), (em) =>
    findInvoicesAcrossTenants(em, filter, { limit: maxInvoices, offset: 0 }, deps.invoicing.link),
  );
  if (total > maxInvoices) {
    throw new AppError(
      'unprocessable',
      `${total} invoices match; an export holds at most ${maxInvoices}: filter by period or status`,
    );
  }
  const lines = [COLUMNS.map(([name]) => name), ...items.map((invoice) => COLUMNS.map(([, value]) => value(invoice)))];
  return csvLines(lines);
}

const decimal = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};
