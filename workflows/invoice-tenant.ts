import { defineQuery, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import { INVOICE_STEPS, type InvoiceRunOutcome } from '../contracts/invoicing';
import { periodEndsAt } from '../domain/billing/billing-period';
import type { StepRetryPolicy } from '../domain/provisioning/retry-policy';
import type { JobProgress } from '../domain/provisioning/step-progress';
import { invoicingActivities, INVOICING_STEP_RETRY } from './billing/invoicing-activities';
import { failSaga } from './saga/fail-saga';
import { Saga } from './saga/saga';
import { StepRunner } from './saga/step-runner';

export interface InvoiceTenantInput {
  tenantId: string;
  /** `YYYY-MM`, a UTC month. */
  period: string;
  /** How long after the period ends to wait for late usage before rating it. */
  graceMs: number;
  /** Tests shorten the step retries. */
  retry?: Partial<StepRetryPolicy>;
}

export interface InvoiceTenantResult {
  outcome: InvoiceRunOutcome;
  invoiceId: string | null;
  totalCents: number;
}

export const invoiceProgressQuery = defineQuery<JobProgress>('invoiceProgress');

/** `invoice-<tenantId>-<YYYY-MM>`: one business id per tenant and period, so a period is never run twice at once. */
export const invoiceWorkflowId = (tenantId: string, period: string) => `invoice-${tenantId}-${period}`;

/**
 * Bills one tenant for one period on Stripe: waits out the grace window, rates the period from the rollup into a
 * stored draft, creates the Stripe draft, adds its lines and finalizes it. Stripe requests carry idempotency keys
 * derived from this run (`<workflowId>/<runId>/…`), and lines already on the draft are not added again, so any
 * activity may repeat. If the run gives up before finalization, it deletes the draft it made and marks the invoice
 * failed; a later run of the period starts over. A finalized period is never billed again.
 */
export async function invoiceTenant(input: InvoiceTenantInput): Promise<InvoiceTenantResult> {
  const { workflowId, runId } = workflowInfo();
  const keyPrefix = `${workflowId}/${runId}`;
  const { once, durable } = invoicingActivities();
  const runner = new StepRunner(INVOICE_STEPS, async () => undefined);
  setHandler(invoiceProgressQuery, () => runner.progress);
  const saga = new Saga();
  const retry = { ...INVOICING_STEP_RETRY, ...input.retry };
  let invoiceId: string | null = null;

  try {
    await runner.run('wait_for_late_usage', retry, async () => {
      const wait = periodEndsAt(input.period) + input.graceMs - Date.now();
      if (wait > 0) await sleep(wait);
    });
    const prepared = await runner.run('rate_usage', retry, () =>
      once.preparePeriodInvoice({ tenantId: input.tenantId, period: input.period, workflowId }),
    );
    if (prepared.outcome !== 'to_bill') {
      await runner.finish('done');
      return {
        outcome: prepared.outcome,
        invoiceId: 'invoiceId' in prepared ? prepared.invoiceId : null,
        totalCents: 'totalCents' in prepared ? prepared.totalCents : 0,
      };
    }
    invoiceId = prepared.invoiceId;
    const id = invoiceId;
    await runner.run('create_draft', retry, async () => {
      saga.add('create_draft', () => durable.discardStripeDraft({ invoiceId: id }));
      await once.createStripeDraft({ invoiceId: id, idempotencyKey: `${keyPrefix}/draft` });
    });
    await runner.run('add_lines', retry, () =>
      once.addStripeLines({ invoiceId: id, idempotencyKeyPrefix: `${keyPrefix}/line` }),
    );
    await runner.run('finalize', retry, () =>
      once.finalizeStripeInvoice({ invoiceId: id, idempotencyKey: `${keyPrefix}/finalize` }),
    );
    await runner.finish('done');
    return { outcome: 'finalized', invoiceId: id, totalCents: prepared.totalCents };
  } catch (error) {
    return failSaga(error, saga, runner, {
      failureType: 'InvoicingFailed',
      markFailed: async (reason) => {
        if (invoiceId) await durable.markInvoiceFailed({ invoiceId, reason });
      },
    });
  }
}
