/**
 * Where a tenant's invoice run for one period stands, as its invoice row tells (the invoicing workflow writes the
 * row when it rates the period and at every outcome, decision 010):
 * - `not_invoiced`: billable for the period but no invoice yet (never run, or its run still waits out the grace);
 * - `in_progress`: rated and stored as a draft that is on its way to Stripe;
 * - `failed`: the run gave up before finalization and removed its Stripe draft; the period may run again;
 * - `finalized`: Stripe finalized the invoice (it is open, paid, uncollectible or void now);
 * - `no_charge`: nothing to bill, settled at 0 without Stripe.
 */
export const INVOICE_RUN_STATUSES = ['not_invoiced', 'in_progress', 'failed', 'finalized', 'no_charge'] as const;
export type InvoiceRunStatus = (typeof INVOICE_RUN_STATUSES)[number];
