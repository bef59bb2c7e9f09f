import type { InvoiceStatus } from '../../contracts/invoice-status';

/**
 * A tenant's run status for a period (contracts/invoice-run-status.ts) from its invoice row `i`, left-joined to the
 * tenant: SQL, so the counts, the status filter and the pages of the admin Billing page apply one rule. A period
 * with nothing to charge is stored paid at 0 without a Stripe invoice (decision 010).
 */
export const INVOICE_RUN_STATUS_SQL = `case
    when i.id is null then 'not_invoiced'
    when i.status = 'draft' then 'in_progress'
    when i.status = 'failed' then 'failed'
    when i.status = 'paid' and i.total_cents = 0 and i.stripe_invoice_id is null then 'no_charge'
    else 'finalized'
  end`;

/** Invoices that count as billed: finalized and not voided, so owed or collected. */
export const BILLED_INVOICE_STATUSES = ['open', 'paid', 'uncollectible'] as const satisfies readonly InvoiceStatus[];

/** Invoices a tenant still has to pay. */
export const UNPAID_INVOICE_STATUSES = ['open', 'uncollectible'] as const satisfies readonly InvoiceStatus[];

/** Constant status lists written into SQL (never input, so inlining them is safe). */
export const sqlList = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');
