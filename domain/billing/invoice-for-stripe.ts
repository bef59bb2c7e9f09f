import { BillingAccount, Invoice, InvoiceLine } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { AppError, notFound } from '../errors/app-error';
import type { InvoicingDeps } from './prepare-period-invoice';

export interface InvoiceForStripe {
  invoiceId: string;
  tenantId: string;
  period: string;
  status: Invoice['status'];
  stripeInvoiceId: string | null;
  stripeCustomerId: string;
  billingEmail: string;
  currency: string;
  lines: { lineId: string; description: string; amountCents: number; quantity: number; sourcePeriod: string }[];
}

/** What the Stripe activities send for one prepared invoice: its customer, currency and lines in order. */
export async function invoiceForStripe(
  deps: InvoicingDeps,
  { actor, invoiceId }: { actor: SystemActor; invoiceId: string },
): Promise<InvoiceForStripe> {
  return inScope(deps.orm, actor, async (em) => {
    const invoice = await em.findOne(Invoice, { id: invoiceId });
    if (!invoice) throw notFound('Invoice');
    const account = await em.findOne(BillingAccount, { tenantId: invoice.tenantId });
    if (!account) throw new AppError('conflict', `Tenant ${invoice.tenantId} has no billing account`);
    const lines = await em.find(InvoiceLine, { invoiceId }, { orderBy: { position: 'asc' } });
    return {
      invoiceId,
      tenantId: invoice.tenantId,
      period: invoice.periodStart.slice(0, 7),
      status: invoice.status,
      stripeInvoiceId: invoice.stripeInvoiceId ?? null,
      stripeCustomerId: account.stripeCustomerId,
      billingEmail: account.email,
      currency: invoice.currency,
      lines: lines.map((line) => ({
        lineId: line.id,
        description: line.description,
        amountCents: Number(line.amountCents),
        quantity: Number(line.quantity),
        sourcePeriod: line.sourcePeriod,
      })),
    };
  });
}
