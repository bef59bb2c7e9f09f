import type { InvoiceRunStarted } from '../../contracts/invoicing';
import { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { AppError, notFound } from '../errors/app-error';
import { periodDays, periodEndsAt, type BillingPeriod } from './billing-period';
import type { InvoicingWorkflows } from './invoicing-port';

/**
 * `POST /api/billing/invoice/run`: starts the same workflows the monthly schedule starts, for one tenant or all,
 * for a period that has ended. Re-running a billed period is harmless: each tenant's run finds its invoice
 * finalized and bills nothing.
 */
export async function startInvoiceRun(
  deps: { orm: Orm; invoicing: InvoicingWorkflows },
  input: { actor: Actor; period: BillingPeriod; tenantId?: string; now?: Date },
): Promise<InvoiceRunStarted> {
  assertCan(input.actor, 'invoices:run');
  periodDays(input.period);
  if (periodEndsAt(input.period) > (input.now ?? new Date()).getTime()) {
    throw new AppError('conflict', `The period ${input.period} has not ended yet`);
  }
  return inScope(deps.orm, { system: 'invoice-run' }, async (em) => {
    if (input.tenantId && !(await em.findOne(Tenant, { id: input.tenantId }))) throw notFound('Tenant');
    const { workflowId } = input.tenantId
      ? await deps.invoicing.startTenantRun({ tenantId: input.tenantId, period: input.period })
      : await deps.invoicing.startPeriodRun({ period: input.period });
    recordAudit(em, {
      actor: input.actor,
      tenantId: input.tenantId ?? null,
      action: 'invoice_run.start',
      targetType: input.tenantId ? 'tenant' : 'period',
      targetId: input.tenantId,
      details: { period: input.period, workflowId },
    });
    await em.flush();
    return {
      workflowId,
      period: input.period,
      tenantId: input.tenantId ?? null,
      operatorUrl: deps.invoicing.link(workflowId),
    };
  });
}
