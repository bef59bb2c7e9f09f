import type { PlanPricing, PricingCatalog } from '../../contracts/pricing';
import { SUBSCRIPTION_IN_FORCE } from '../../contracts/subscription-status';
import { USAGE_KINDS, type UsageKind } from '../../contracts/usage-kind';
import { Invoice, InvoiceLine } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { periodDays, previousPeriod, type BillingPeriod } from './billing-period';
import { invoiceLines, type UsageTotals } from './invoice-lines';

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
  catalog: PricingCatalog;
}

/**
 * Rates one tenant's period from the usage rollup on the plan of its subscription, adds late usage of the
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
    await em.execute('select id from tenants where id = ? for update', [input.tenantId]);
    const existing = await em.findOne(Invoice, { tenantId: input.tenantId, periodStart: start });
    if (existing && BILLED.has(existing.status)) {
      return { outcome: 'already_billed', ...summary(existing, await lineCount(em, existing.id)) };
    }
    if (existing?.status === 'draft' && existing.workflowId === input.workflowId && existing.stripeInvoiceId) {
      // This run already sent the draft to Stripe; rating again could change lines under it.
      return { outcome: 'to_bill', ...summary(existing, await lineCount(em, existing.id)) };
    }
    const planCode = await subscribedPlan(em, input.tenantId, end);
    if (!planCode) return { outcome: 'no_subscription' };
    const plan = planFrom(deps.catalog, planCode);
    const usage = await usageOf(em, input.tenantId, input.period);
    const late = await lateUsage(em, deps.catalog, input.tenantId, previousPeriod(input.period));
    const { lines, totalCents } = invoiceLines(input.period, plan, usage, late);

    const invoice =
      existing ??
      em.create(Invoice, {
        tenantId: input.tenantId,
        periodStart: start,
        periodEnd: end,
        status: 'draft',
        currency: deps.catalog.currency.toUpperCase(),
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
    lines.forEach((line, position) =>
      em.create(InvoiceLine, {
        tenantId: input.tenantId,
        invoiceId: invoice.id,
        kind: line.kind,
        description: line.description,
        quantity: line.quantity,
        unitPriceCents: line.quantity > 0 ? Math.round(line.amountCents / line.quantity) : 0,
        amountCents: line.amountCents,
        tier: line.tier,
        sourcePeriod: line.sourcePeriod,
        position,
      }),
    );
    recordAudit(em, {
      actor: input.actor,
      tenantId: input.tenantId,
      action: totalCents === 0 ? 'invoice.settled_without_charge' : 'invoice.prepared',
      targetType: 'invoice',
      targetId: invoice.id,
      details: { period: input.period, planCode, totalCents, lines: lines.length, workflowId: input.workflowId },
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

function planFrom(catalog: PricingCatalog, code: string): PlanPricing {
  const plan = catalog.plans.find((candidate) => candidate.id === code);
  // Bad data, not a passing fault: the run must stop and say so rather than retry.
  if (!plan) throw new AppError('conflict', `Plan ${code} is not in the price list`);
  return plan;
}

/** The plan of the tenant's current subscription, if it began before the period ended. */
async function subscribedPlan(em: ScopedEm, tenantId: string, periodEnd: string): Promise<string | null> {
  const rows = await em.execute<{ code: string }[]>(
    `select p.code from subscriptions s join plans p on p.id = s.plan_id
      where s.tenant_id = ? and s.status in (${SUBSCRIPTION_IN_FORCE.map(() => '?').join(', ')})
        and s.created_at::date <= ?::date
      order by s.created_at desc limit 1`,
    [tenantId, ...SUBSCRIPTION_IN_FORCE, periodEnd],
  );
  return rows[0]?.code ?? null;
}

async function usageOf(em: ScopedEm, tenantId: string, period: BillingPeriod): Promise<UsageTotals> {
  const { start, endExclusive } = periodDays(period);
  const rows = await em.execute<{ kind: string; quantity: string }[]>(
    `select kind, sum(quantity)::text as quantity from usage_daily
      where tenant_id = ? and day >= ?::date and day < ?::date group by kind`,
    [tenantId, start, endExclusive],
  );
  const usage: UsageTotals = {};
  for (const row of rows) {
    if ((USAGE_KINDS as readonly string[]).includes(row.kind)) usage[row.kind as UsageKind] = Number(row.quantity);
  }
  return usage;
}

/** Usage of the previous period that its finalized invoice did not bill (null when there is none to compare). */
async function lateUsage(em: ScopedEm, catalog: PricingCatalog, tenantId: string, period: BillingPeriod) {
  const previous = await em.findOne(Invoice, { tenantId, periodStart: periodDays(period).start });
  if (!previous?.ratedUsage || !previous.planCode || !BILLED.has(previous.status)) return null;
  return {
    period,
    plan: planFrom(catalog, previous.planCode),
    billed: previous.ratedUsage,
    now: await usageOf(em, tenantId, period),
  };
}
