import { invalid } from './errors';
import { totalsOf } from './invoice-math';
import { announceInvoice, type StripeSim } from './announce';
import { collectLater, markPaid } from './payments';
import { now, stripeId, type CollectionMethod, type StripeCustomer, type StripeInvoice } from './state';

/** A new draft, not yet announced: callers add its items first, then emit `invoice.created`. */
export function draftInvoice(
  sim: StripeSim,
  input: {
    customer: StripeCustomer;
    currency: string;
    collectionMethod: CollectionMethod;
    autoAdvance: boolean;
    daysUntilDue?: number;
    dueDate?: number;
    description?: string;
    metadata?: Record<string, string>;
    billingReason?: StripeInvoice['billingReason'];
    subscription?: string;
  },
): StripeInvoice {
  const created = now();
  const invoice: StripeInvoice = {
    id: stripeId('in'),
    created,
    customer: input.customer.id,
    currency: input.currency,
    status: 'draft',
    autoAdvance: input.autoAdvance,
    collectionMethod: input.collectionMethod,
    daysUntilDue: input.daysUntilDue ?? null,
    dueDate: input.dueDate ?? null,
    description: input.description ?? null,
    metadata: input.metadata ?? {},
    billingReason: input.billingReason ?? 'manual',
    subscription: input.subscription ?? null,
    number: null,
    hostedInvoiceUrl: null,
    invoicePdf: null,
    attemptCount: 0,
    amountPaid: 0,
    paymentIntent: null,
    nextPaymentAttempt: null,
    finalizedAt: null,
    paidAt: null,
    voidedAt: null,
  };
  input.customer.currency ??= input.currency;
  sim.state.stripe.invoices.set(invoice.id, invoice);
  return invoice;
}

/**
 * Draft → open: the invoice gets its number and hosted pages. Nothing to pay means paid at once (as Stripe
 * does); an auto-advancing, automatically charged invoice is charged after the simulator's payment delay.
 */
export function finalizeInvoice(sim: StripeSim, invoice: StripeInvoice, baseUrl: string): void {
  if (invoice.status !== 'draft') {
    throw invalid(
      `This invoice is already finalized, you can't re-finalize a non-draft invoice.`,
      'invoice_not_editable',
    );
  }
  const customer = sim.state.stripe.customers.get(invoice.customer);
  const sequence = customer ? customer.nextInvoiceSequence++ : 1;
  invoice.number = `${customer?.invoicePrefix ?? 'SIMULATED'}-${String(sequence).padStart(4, '0')}`;
  invoice.status = 'open';
  invoice.finalizedAt = now();
  invoice.hostedInvoiceUrl = `${baseUrl}/stripe/invoices/${invoice.id}`;
  invoice.invoicePdf = `${baseUrl}/stripe/invoices/${invoice.id}/pdf`;
  if (invoice.collectionMethod === 'send_invoice') {
    invoice.dueDate ??= invoice.finalizedAt + (invoice.daysUntilDue ?? 30) * 86_400;
  }
  announceInvoice(sim, 'invoice.finalized', invoice);
  if (totalsOf(sim.state.stripe, invoice).amountDue === 0) markPaid(sim, invoice, null);
  else if (invoice.collectionMethod === 'charge_automatically' && invoice.autoAdvance) collectLater(sim, invoice);
}

export function voidInvoice(sim: StripeSim, invoice: StripeInvoice): void {
  if (invoice.status !== 'open' && invoice.status !== 'uncollectible') {
    throw invalid(
      `You can only void invoices that are open or uncollectible; this one is ${invoice.status}.`,
      'invoice_not_editable',
    );
  }
  invoice.status = 'void';
  invoice.voidedAt = now();
  invoice.nextPaymentAttempt = null;
  announceInvoice(sim, 'invoice.voided', invoice);
}
