import { BillingAccount, Invoice } from '../../db/entities';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { AppError, notFound } from '../errors/app-error';
import type { InvoicingDeps as Deps } from './prepare-period-invoice';

/** The Stripe draft made for a prepared invoice; only a draft takes one, and only one. */
export async function recordStripeDraft(
  deps: Deps,
  { actor, invoiceId, stripeInvoiceId }: { actor: SystemActor; invoiceId: string; stripeInvoiceId: string },
): Promise<void> {
  await inScope(deps.orm, actor, async (em) => {
    const invoice = await em.findOne(Invoice, { id: invoiceId });
    if (!invoice) throw notFound('Invoice');
    if (invoice.stripeInvoiceId === stripeInvoiceId) return;
    if (invoice.status !== 'draft' || invoice.stripeInvoiceId) {
      throw new AppError('conflict', `Invoice ${invoiceId} is ${invoice.status} with ${invoice.stripeInvoiceId}`);
    }
    invoice.stripeInvoiceId = stripeInvoiceId;
    await em.flush();
  });
}

/** Stripe finalized the invoice: it is open (or already paid) with its number, hosted page and PDF. */
export async function recordInvoiceFinalized(
  deps: Deps,
  input: {
    actor: SystemActor;
    invoiceId: string;
    status: 'open' | 'paid';
    number: string | null;
    hostedInvoiceUrl: string | null;
    pdfUrl: string | null;
  },
): Promise<void> {
  await inScope(deps.orm, input.actor, async (em) => {
    const invoice = await em.findOne(Invoice, { id: input.invoiceId });
    if (!invoice) throw notFound('Invoice');
    if (invoice.finalizedAt) return;
    Object.assign(invoice, {
      // A webhook may have reported it paid already; finalization never takes that back.
      status: invoice.status === 'paid' ? 'paid' : input.status,
      stripeInvoiceNumber: input.number,
      hostedInvoiceUrl: input.hostedInvoiceUrl,
      pdfUrl: input.pdfUrl,
      finalizedAt: new Date(),
    });
    recordAudit(em, {
      actor: input.actor,
      tenantId: invoice.tenantId,
      action: 'invoice.finalized',
      targetType: 'invoice',
      targetId: invoice.id,
      details: { stripeInvoiceId: invoice.stripeInvoiceId, number: input.number, totalCents: invoice.totalCents },
    });
    await em.flush();
  });
}

/** A run gave up before finalization and removed its Stripe draft: the invoice is `failed` with the reason. */
export async function recordInvoiceFailed(
  deps: Deps,
  { actor, invoiceId, reason }: { actor: SystemActor; invoiceId: string; reason: string },
): Promise<void> {
  await inScope(deps.orm, actor, async (em) => {
    const invoice = await em.findOne(Invoice, { id: invoiceId });
    if (!invoice || invoice.status !== 'draft') return;
    Object.assign(invoice, { status: 'failed', stripeInvoiceId: null, failureReason: reason.slice(0, 2000) });
    recordAudit(em, {
      actor,
      tenantId: invoice.tenantId,
      action: 'invoice.failed',
      targetType: 'invoice',
      targetId: invoice.id,
      details: { reason: reason.slice(0, 500) },
    });
    await em.flush();
  });
}

/** A Stripe customer made for a tenant whose billing account had none Stripe knows (seeded or local ids). */
export async function recordStripeCustomer(
  deps: Deps,
  { actor, tenantId, customerId }: { actor: SystemActor; tenantId: string; customerId: string },
): Promise<void> {
  await inScope(deps.orm, actor, async (em) => {
    const account = await em.findOne(BillingAccount, { tenantId });
    if (!account) throw new AppError('conflict', `Tenant ${tenantId} has no billing account`);
    account.stripeCustomerId = customerId;
    await em.flush();
  });
}
