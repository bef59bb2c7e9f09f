import {
  continueAsNew,
  defineQuery,
  ParentClosePolicy,
  setHandler,
  startChild,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import { periodBilledAt } from '../domain/billing/billing-period';
import type { StepRetryPolicy } from '../domain/provisioning/retry-policy';
import { InvoicePeriodAttribute, TenantIdAttribute } from '../temporal/search-attributes';
import { invoicingActivities } from './billing/invoicing-activities';
import { invoiceTenant, invoiceWorkflowId } from './invoice-tenant';

export interface MonthlyInvoicingTotals {
  tenants: number;
  finalized: number;
  alreadyBilled: number;
  nothingToBill: number;
  noSubscription: number;
  /** A run of that tenant's period exists already, running or finished (a manual run, say): left to it. */
  alreadyStarted: number;
  failed: number;
}

export interface MonthlyInvoicingInput {
  /** `YYYY-MM`; a scheduled run leaves it out and bills the month before the one it starts in (UTC). */
  period?: string;
  graceMs: number;
  /** Tenants billed at the same time. */
  concurrency: number;
  pageSize?: number;
  afterTenantId?: string | null;
  totals?: MonthlyInvoicingTotals;
  retry?: Partial<StepRetryPolicy>;
}

export interface MonthlyInvoicingProgress {
  period: string;
  totals: MonthlyInvoicingTotals;
  running: number;
}

export const monthlyInvoicingProgressQuery = defineQuery<MonthlyInvoicingProgress>('monthlyInvoicingProgress');

const EMPTY: MonthlyInvoicingTotals = {
  tenants: 0,
  finalized: 0,
  alreadyBilled: 0,
  nothingToBill: 0,
  noSubscription: 0,
  alreadyStarted: 0,
  failed: 0,
};

const OUTCOME_TOTAL = {
  finalized: 'finalized',
  already_billed: 'alreadyBilled',
  nothing_to_bill: 'nothingToBill',
  no_subscription: 'noSubscription',
} as const;

/**
 * One period's invoice run over every billable tenant: pages through them in id order, bills each in a child
 * workflow `invoice-<tenantId>-<period>` (at most `concurrency` at once) and continues as new after each page, so
 * the history stays small however many tenants there are. A child that fails is counted and the run goes on; the
 * failed tenant's period can be run again (its id may be reused after a failure only).
 */
export async function monthlyInvoicing(input: MonthlyInvoicingInput): Promise<MonthlyInvoicingTotals> {
  const period = input.period ?? periodBilledAt(new Date());
  const pageSize = input.pageSize ?? 100;
  const totals = { ...EMPTY, ...input.totals };
  let running = 0;
  setHandler(monthlyInvoicingProgressQuery, () => ({ period, totals, running }));
  upsertSearchAttributes([{ key: InvoicePeriodAttribute, value: period }]);
  const { durable } = invoicingActivities();

  const tenantIds = await durable.listBillableTenants({
    period,
    afterTenantId: input.afterTenantId ?? null,
    limit: pageSize,
  });
  const queue = [...tenantIds];
  const billNext = async (): Promise<void> => {
    for (let tenantId = queue.shift(); tenantId; tenantId = queue.shift()) {
      totals.tenants += 1;
      running += 1;
      try {
        const child = await startChild(invoiceTenant, {
          workflowId: invoiceWorkflowId(tenantId, period),
          args: [{ tenantId, period, graceMs: input.graceMs, retry: input.retry }],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
          typedSearchAttributes: [
            { key: TenantIdAttribute, value: tenantId },
            { key: InvoicePeriodAttribute, value: period },
          ],
        });
        const result = await child.result();
        totals[OUTCOME_TOTAL[result.outcome]] += 1;
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) totals.alreadyStarted += 1;
        else totals.failed += 1;
      } finally {
        running -= 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency) }, billNext));

  if (tenantIds.length === pageSize) {
    return continueAsNew<typeof monthlyInvoicing>({ ...input, period, afterTenantId: tenantIds.at(-1)!, totals });
  }
  return totals;
}
