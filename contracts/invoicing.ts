import { z } from 'zod';
import { BILLING_PERIOD_PATTERN, EARLIEST_BILLING_PERIOD } from './billing-period';
import type { PlannedStep } from './provisioning-job';

/** The steps of one tenant's invoice for one period, as the invoicing workflow runs them and its query shows. */
export const INVOICE_STEPS = [
  { name: 'wait_for_late_usage', label: 'Wait out the grace window for late usage' },
  { name: 'rate_usage', label: 'Rate the period from the usage rollup' },
  { name: 'create_draft', label: 'Create the Stripe draft invoice' },
  { name: 'add_lines', label: 'Add the invoice lines' },
  { name: 'finalize', label: 'Finalize the invoice' },
] as const satisfies readonly PlannedStep[];

/** How a tenant's invoice run ended. */
export const INVOICE_RUN_OUTCOMES = ['finalized', 'already_billed', 'nothing_to_bill', 'no_subscription'] as const;
export type InvoiceRunOutcome = (typeof INVOICE_RUN_OUTCOMES)[number];

export const BillingPeriodParam = z
  .string()
  .regex(BILLING_PERIOD_PATTERN, 'a month written YYYY-MM')
  .refine((value) => value >= EARLIEST_BILLING_PERIOD, `from ${EARLIEST_BILLING_PERIOD}`);

export const InvoiceRunRequest = z.strictObject({
  period: BillingPeriodParam.describe('The month to bill (UTC), e.g. 2026-10'),
  tenantId: z.uuid().optional().describe('Bill this tenant only; all billable tenants when left out'),
});
export type InvoiceRunRequest = z.infer<typeof InvoiceRunRequest>;

export const InvoiceRunStarted = z
  .strictObject({
    workflowId: z.string(),
    period: z.string(),
    tenantId: z.uuid().nullable(),
    operatorUrl: z.string().nullable(),
  })
  .meta({ id: 'InvoiceRunStarted' });
export type InvoiceRunStarted = z.infer<typeof InvoiceRunStarted>;
