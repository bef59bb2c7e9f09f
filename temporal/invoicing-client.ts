import type { Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { InvoicingWorkflows } from '../domain/billing/invoicing-port';
import { invoiceTenant, invoiceWorkflowId } from '../workflows/invoice-tenant';
import { monthlyInvoicing } from '../workflows/monthly-invoicing';
import { ignoringAlreadyStarted, workflowUiLink, type TemporalTarget } from './client';
import { InvoicePeriodAttribute, TenantIdAttribute } from './search-attributes';

export interface InvoicingSettings {
  graceMs: number;
  concurrency: number;
}

/**
 * The invoicing port backed by Temporal. A tenant's run has the business id `invoice-<tenantId>-<period>`,
 * reusable only after a failure, so a finished period is never billed again and one under way is joined.
 * A period run gets a fresh id each time (`invoice-run-<period>-<ms>`); its children dedupe per tenant.
 */
export function createInvoicingClient(
  client: Client,
  target: TemporalTarget,
  settings: InvoicingSettings,
): InvoicingWorkflows {
  return {
    async startTenantRun({ tenantId, period }) {
      const workflowId = invoiceWorkflowId(tenantId, period);
      await ignoringAlreadyStarted(
        client.workflow.start(invoiceTenant, {
          taskQueue: target.taskQueue,
          workflowId,
          args: [{ tenantId, period, graceMs: settings.graceMs }],
          workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
          typedSearchAttributes: [
            { key: TenantIdAttribute, value: tenantId },
            { key: InvoicePeriodAttribute, value: period },
          ],
        }),
      );
      return { workflowId };
    },

    async startPeriodRun({ period }) {
      const workflowId = `invoice-run-${period}-${Date.now()}`;
      await client.workflow.start(monthlyInvoicing, {
        taskQueue: target.taskQueue,
        workflowId,
        args: [{ period, graceMs: settings.graceMs, concurrency: settings.concurrency }],
        typedSearchAttributes: [{ key: InvoicePeriodAttribute, value: period }],
      });
      return { workflowId };
    },

    link: (workflowId) => workflowUiLink(target, workflowId),
  };
}
