import { z } from 'zod';
import { INVOICE_STATUSES } from './invoice-status';
import { INVOICE_RUN_STATUSES, type InvoiceRunStatus } from './invoice-run-status';
import { BillingPeriodParam } from './invoicing';
import { InvoiceView } from './invoices';
import { pageOf } from './page';
import { ROLES } from './roles';
import { TENANT_STATUSES } from './tenant-status';

/** The admin Billing page: every tenant's invoice runs, invoices, overdue payments and plan changes (staff only). */

/** An amount of money in one currency; sums over invoices come as one per currency. */
export const MoneyAmount = z.object({ currency: z.string(), totalCents: z.int() }).meta({ id: 'MoneyAmount' });
export type MoneyAmount = z.infer<typeof MoneyAmount>;

/** How many tenants' runs of a period stand at each run status. */
export const InvoiceRunCounts = z
  .object(
    Object.fromEntries(INVOICE_RUN_STATUSES.map((status) => [status, z.int().min(0)])) as Record<
      InvoiceRunStatus,
      z.ZodInt
    >,
  )
  .meta({ id: 'InvoiceRunCounts' });
export type InvoiceRunCounts = z.infer<typeof InvoiceRunCounts>;

const PeriodTotals = {
  /** `YYYY-MM`, a UTC month. */
  period: z.string(),
  counts: InvoiceRunCounts,
  /** What Stripe finalized and is owed or collected (open, paid and uncollectible invoices), per currency. */
  billed: z.array(MoneyAmount),
  /** The part of `billed` that is paid. */
  paid: z.array(MoneyAmount),
};

/** One period's invoice runs at a glance. */
export const InvoiceRunPeriodView = z
  .object({
    ...PeriodTotals,
    /** When an operator last started a run of the period (the schedule's own runs are not counted); null if never. */
    lastStartedAt: z.string().nullable(),
  })
  .meta({ id: 'InvoiceRunPeriodView' });
export type InvoiceRunPeriodView = z.infer<typeof InvoiceRunPeriodView>;

export const InvoiceRunTenantsQuery = z.strictObject({
  period: BillingPeriodParam,
  status: z.enum(INVOICE_RUN_STATUSES).optional(),
});
export type InvoiceRunTenantsQuery = z.infer<typeof InvoiceRunTenantsQuery>;

/** A run an operator started through `POST /api/billing/invoice/run`, from the audit trail. */
export const InvoiceRunStartView = z
  .object({
    workflowId: z.string(),
    workflowUrl: z.string(),
    /** The one tenant billed; null for a run over every billable tenant. */
    tenantId: z.uuid().nullable(),
    tenantName: z.string().nullable(),
    startedAt: z.string(),
    /** The operator's name; null when the user no longer exists. */
    startedBy: z.string().nullable(),
  })
  .meta({ id: 'InvoiceRunStartView' });
export type InvoiceRunStartView = z.infer<typeof InvoiceRunStartView>;

/** One tenant's run of the period and the invoice it made (every invoice field is null while `not_invoiced`). */
export const TenantInvoiceRunView = z
  .object({
    tenantId: z.uuid(),
    tenantName: z.string(),
    status: z.enum(INVOICE_RUN_STATUSES),
    invoiceId: z.uuid().nullable(),
    invoiceStatus: z.enum(INVOICE_STATUSES).nullable(),
    currency: z.string().nullable(),
    totalCents: z.int().nullable(),
    /** Why the run gave up (`failed` only). */
    failureReason: z.string().nullable(),
    workflowId: z.string().nullable(),
    /** The run in Temporal's Web UI. */
    workflowUrl: z.string().nullable(),
    hostedInvoiceUrl: z.string().nullable(),
    pdfUrl: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'TenantInvoiceRunView' });
export type TenantInvoiceRunView = z.infer<typeof TenantInvoiceRunView>;

/** A period's runs: the totals, the runs operators started, and a page of its tenants (by name). */
export const InvoiceRunDetail = pageOf(TenantInvoiceRunView)
  .extend({
    ...PeriodTotals,
    /**
     * Drafts are on their way to Stripe, or a run began minutes ago and tenants still have no invoice: the page
     * polls while this holds.
     */
    refreshing: z.boolean(),
    /** The latest runs started by hand, newest first. */
    starts: z.array(InvoiceRunStartView),
  })
  .meta({ id: 'InvoiceRunDetail' });
export type InvoiceRunDetail = z.infer<typeof InvoiceRunDetail>;

export const AdminInvoiceQuery = z.strictObject({
  status: z.enum(INVOICE_STATUSES).optional(),
  period: BillingPeriodParam.optional(),
  tenantId: z.uuid().optional(),
});
export type AdminInvoiceQuery = z.infer<typeof AdminInvoiceQuery>;

/** An invoice of any tenant, as platform staff see it. */
export const AdminInvoiceView = InvoiceView.extend({
  tenantName: z.string(),
  period: z.string(),
  /** Stripe's invoice number once finalized. */
  number: z.string().nullable(),
  failureReason: z.string().nullable(),
  workflowUrl: z.string().nullable(),
  finalizedAt: z.string().nullable(),
}).meta({ id: 'AdminInvoiceView' });
export type AdminInvoiceView = z.infer<typeof AdminInvoiceView>;

/** A tenant whose subscription is past due: what it owes and when dunning stops its calls (decision 011). */
export const PastDueTenantView = z
  .object({
    tenantId: z.uuid(),
    tenantName: z.string(),
    tenantStatus: z.enum(TENANT_STATUSES),
    planCode: z.string(),
    planName: z.string(),
    pastDueSince: z.string(),
    /** When dunning suspends (or suspended) the calls; null until dunning has scheduled it. */
    callsRefusedFrom: z.string().nullable(),
    /** Whole days left until calls are refused, rounded up; 0 once they are, null while unscheduled. */
    daysUntilCallsRefused: z.int().min(0).nullable(),
    /** Dunning has suspended the calls for this overdue payment. */
    callsRefused: z.boolean(),
    /** Open and uncollectible invoices, per currency. */
    outstanding: z.array(MoneyAmount),
    unpaidInvoices: z.int().min(0),
  })
  .meta({ id: 'PastDueTenantView' });
export type PastDueTenantView = z.infer<typeof PastDueTenantView>;

export const PlanChangeListQuery = z.strictObject({ tenantId: z.uuid().optional() });
export type PlanChangeListQuery = z.infer<typeof PlanChangeListQuery>;

/** A plan as an audit row names it: its code, and its name while the price list still has it. */
const PlanRef = z.object({ code: z.string(), name: z.string() });

/** A `subscription.plan_changed` audit row: who moved which tenant from which plan to which, and when. */
export const PlanChangeRecordView = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid().nullable(),
    tenantName: z.string().nullable(),
    /** Null when the tenant had no plan before. */
    from: PlanRef.nullable(),
    to: PlanRef,
    changedAt: z.string(),
    changedBy: z.object({
      /** A person (a platform admin) or the platform itself (e.g. `stripe-webhooks` on a cancelled subscription). */
      kind: z.enum(['user', 'system']),
      /** The user's name or the system's; null for a user since deleted. */
      name: z.string().nullable(),
      userId: z.uuid().nullable(),
      role: z.enum(ROLES).nullable(),
    }),
  })
  .meta({ id: 'PlanChangeRecordView' });
export type PlanChangeRecordView = z.infer<typeof PlanChangeRecordView>;
