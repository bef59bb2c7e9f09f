import type { PlanPricing } from '../../contracts/pricing';
import { Invoice, InvoiceLine, Plan } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { lockTenant } from '../tenants/lock-tenant';
import { periodDays, periodEndsAt, previousPeriod, type BillingPeriod } from './billing-period';
import { findTenantPlan } from './find-tenant-plan';
import { invoiceLines } from './invoice-lines';
import { usageTotals } from './month-usage';
import { toPlanPricing } from './plan-pricing';
import { withoutMonthlyFee } from './rate-usage';
import { storeInvoiceLines } from './store-invoice-lines';

export type PreparedInvoice =
  | { outcome: 'to_bill'; invoiceId: string; totalCents: number; currency: string; lineCount: number }
  /** Finalized before (a re-run of the period): never billed twice. */
  | { outcome: 'already_billed'; invoiceId: string; totalCents: number; currency: string; lineCount: number }
  /** Nothing to collect: kept as a paid invoice of 0 without going to Stripe. */
  | { outcome: 'nothing_to_bill'; invoiceId: string; totalCents: 0; currency: string; lineCount: number }
  | { outcome: 'no_subscription' };

/** Statuses of an invoice Stripe has finalized: the period is billed. */
const BILLED = new Set(['open', 'paid', 'uncollectible', 'void']);

export interface InvoicingDeps {
  orm: Orm;
}

/**
 * Rates one tenant's period from the usage rollup on the plan of its subscription in force (the plans table
 * follows the price list; without the monthly fee when a Stripe subscription collects it), adds late usage of the
 * previous period, and stores the invoice as a draft with its lines (replacing the lines of an earlier draft or
 * failed attempt). Idempotent: a finalized invoice is returned as it is, and the same run preparing again gets
 * the same draft. The tenant row is locked, so two runs of one period cannot both prepare.
 */
export async function preparePeriodInvoice(
  deps: InvoicingDeps,
  input: { actor: SystemActor; tenantId: string; period: BillingPeriod; workflowId: string },
): Promise<PreparedInvoice> {
  const { start, end } = periodDays(input.period);
  return inScope(deps.orm, input.actor, async (em) => {
    await lockTenant(em, input.tenantId);
    const existing = await em.findOne(Invoice, { tenantId: input.tenantId, periodStart: start });
    if (existing && BILLED.has(existing.status)) {
      return { outcome: 'already_billed', ...summary(existing, await lineCount(em, existing.id)) };
    }
    if (existing?.status === 'draft' && existing.workflowId === input.workflowId && existing.stripeInvoiceId) {
      // This run already sent the draft to Stripe; rating again could change lines under it.
      return { outcome: 'to_bill', ...summary(existing, await lineCount(em, existing.id)) };
    }
    const current = await findTenantPlan(em, input.tenantId);
    // A subscription that began after the period ended did not bill it.
    if (!current || current.subscription.createdAt.getTime() >= periodEndsAt(input.period)) {
      return { outcome: 'no_subscription' };
    }
    const planCode = current.plan.code;
    // The fee rule: a Stripe subscription (Checkout) collects the monthly fee, this invoice only the usage.
    const stripeCollectsFee = Boolean(current.subscription.stripeSubscriptionId);
    const plan = stripeCollectsFee ? withoutMonthlyFee(toPlanPricing(current.plan)) : toPlanPricing(current.plan);
    const usage = await usageTotals(em, { tenantId: input.tenantId, from: start, to: end });
    const late = await lateUsage(em, input.tenantId, previousPeriod(input.period));
    const { lines, totalCents } = invoiceLines(input.period, plan, usage, late);

    const invoice =
      existing ??
      em.create(Invoice, {
        tenantId: input.tenantId,
        periodStart: start,
        periodEnd: end,
        status: 'draft',
        currency: current.plan.currency,
      });
    if (existing) await em.nativeDelete(InvoiceLine, { invoiceId: existing.id });
    Object.assign(invoice, {
      status: totalCents === 0 ? 'paid' : 'draft',
      totalCents,
      planCode,
      ratedUsage: usage,
      workflowId: input.workflowId,
      stripeInvoiceId: null,
      failureReason: null,
      finalizedAt: totalCents === 0 ? new Date() : null,
    });
    await em.flush();
    storeInvoiceLines(em, { tenantId: input.tenantId, invoiceId: invoice.id, lines });
    recordAudit(em, {
      actor: input.actor,
      tenantId: input.tenantId,
      action: totalCents === 0 ? 'invoice.settled_without_charge' : 'invoice.prepared',
      targetType: 'invoice',
      targetId: invoice.id,
      details: {
        period: input.period,
        planCode,
        totalCents,
        lines: lines.length,
        workflowId: input.workflowId,
        feeCollectedBy: stripeCollectsFee ? 'stripe_subscription' : 'platform_invoice',
      },
    });
    await em.flush();
    return {
      outcome: totalCents === 0 ? 'nothing_to_bill' : 'to_bill',
      ...summary(invoice, lines.length),
    } as PreparedInvoice;
  });
}

const summary = (invoice: Invoice, lines: number) => ({
  invoiceId: invoice.id,
  totalCents: Number(invoice.totalCents),
  currency: invoice.currency,
  lineCount: lines,
});

const lineCount = (em: ScopedEm, invoiceId: string) => em.count(InvoiceLine, { invoiceId });

async function planPricing(em: ScopedEm, code: string): Promise<PlanPricing> {
  const plan = await em.findOne(Plan, { code });
  // Bad data, not a passing fault: the run must stop and say so rather than retry.
  if (!plan) throw new AppError('conflict', `Plan ${code} is not in the price list`);
  return toPlanPricing(plan);
}

/** Usage of the previous period that its finalized invoice did not bill (null when there is none to compare). */
async function lateUsage(em: ScopedEm, tenantId: string, period: BillingPeriod) {
  const { start, end } = periodDays(period);
  const previous = await em.findOne(Invoice, { tenantId, periodStart: start });
  if (!previous?.ratedUsage || !previous.planCode || !BILLED.has(previous.status)) return null;
  return {
    period,
    plan: await planPricing(em, previous.planCode),
    billed: previous.ratedUsage,
    now: await usageTotals(em, { tenantId, from: start, to: end }),
  };
}
