import type { Orm } from '../db/orm';
import type { SystemActor } from '../domain/auth/actor';
import { invoiceForStripe } from '../domain/billing/invoice-for-stripe';
import { listBillableTenants } from '../domain/billing/list-billable-tenants';
import { preparePeriodInvoice, type PreparedInvoice } from '../domain/billing/prepare-period-invoice';
import {
  recordInvoiceFailed,
  recordInvoiceFinalized,
  recordStripeCustomer,
  recordStripeDraft,
} from '../domain/billing/record-invoice-progress';
import { ProviderError } from './adapters/provider-error';
import type { BillingProvider } from './adapters/billing-provider';
import { domainCall } from './domain-failure';
import { providerCall } from './provider-failure';

export interface InvoicingActivityDeps {
  orm: Orm;
  billing: BillingProvider;
}

const actor: SystemActor = { system: 'invoicing-worker' };

/**
 * The invoicing workflow's side effects: domain calls for the platform's own rows, the Stripe port for Stripe.
 * Each is idempotent: Stripe requests carry the run's idempotency keys, and lines already on a draft are skipped.
 */
export function createInvoicingActivities(deps: InvoicingActivityDeps) {
  const stripe = deps.billing;
  return {
    async listBillableTenants(input: { period: string; afterTenantId: string | null; limit: number }) {
      return domainCall(() => listBillableTenants(deps, { actor, ...input }));
    },

    async preparePeriodInvoice(input: {
      tenantId: string;
      period: string;
      workflowId: string;
    }): Promise<PreparedInvoice> {
      return domainCall(() => preparePeriodInvoice(deps, { actor, ...input }));
    },

    async createStripeDraft(input: { invoiceId: string; idempotencyKey: string }): Promise<string> {
      const invoice = await domainCall(() => invoiceForStripe(deps, { actor, invoiceId: input.invoiceId }));
      if (invoice.stripeInvoiceId) return invoice.stripeInvoiceId;
      const create = (customerId: string) =>
        stripe.createInvoice({
          customerId,
          currency: invoice.currency.toLowerCase(),
          collection: { method: 'charge_automatically' },
          // Stripe charges on its own once finalized; the platform learns the outcome from webhooks.
          autoAdvance: true,
          // Only this invoice's own lines: nothing pending on the customer slips onto it.
          pendingItems: 'exclude',
          description: `VoicePlane ${invoice.period}`,
          metadata: { invoiceId: invoice.invoiceId, tenantId: invoice.tenantId, period: invoice.period },
          idempotencyKey: input.idempotencyKey,
        });
      const draft = await providerCall(async () => {
        try {
          return await create(invoice.stripeCustomerId);
        } catch (error) {
          if (!(error instanceof ProviderError && error.code === 'resource_missing')) throw error;
          // A billing account made before Stripe was wired (the demo seed) names a customer Stripe lacks.
          const customer = await stripe.createCustomer({
            idempotencyKey: `invoicing-customer-${invoice.tenantId}`,
            email: invoice.billingEmail,
            name: invoice.billingEmail,
            tenantId: invoice.tenantId,
          });
          await recordStripeCustomer(deps, { actor, tenantId: invoice.tenantId, customerId: customer.id });
          return create(customer.id);
        }
      });
      await domainCall(() => recordStripeDraft(deps, { actor, invoiceId: input.invoiceId, stripeInvoiceId: draft.id }));
      return draft.id;
    },

    /** Adds the lines the draft lacks (matched by their line id in Stripe's metadata), in order. */
    async addStripeLines(input: { invoiceId: string; idempotencyKeyPrefix: string }): Promise<number> {
      const invoice = await domainCall(() => invoiceForStripe(deps, { actor, invoiceId: input.invoiceId }));
      const draftId = requireDraft(invoice.stripeInvoiceId);
      const lines = await providerCall(() => stripe.listInvoiceLines(draftId));
      const present = new Set(lines.map((line) => line.metadata.lineId));
      let added = 0;
      for (const line of invoice.lines) {
        if (present.has(line.lineId)) continue;
        await providerCall(() =>
          stripe.createInvoiceItem({
            customerId: invoice.stripeCustomerId,
            invoiceId: draftId,
            currency: invoice.currency.toLowerCase(),
            amountCents: line.amountCents,
            description: line.description,
            metadata: { lineId: line.lineId, sourcePeriod: line.sourcePeriod, quantity: String(line.quantity) },
            idempotencyKey: `${input.idempotencyKeyPrefix}/${line.lineId}`,
          }),
        );
        added += 1;
      }
      return added;
    },

    async finalizeStripeInvoice(input: { invoiceId: string; idempotencyKey: string }): Promise<void> {
      const invoice = await domainCall(() => invoiceForStripe(deps, { actor, invoiceId: input.invoiceId }));
      const finalized = await providerCall(() =>
        stripe.finalizeInvoice(requireDraft(invoice.stripeInvoiceId), { idempotencyKey: input.idempotencyKey }),
      );
      await domainCall(() =>
        recordInvoiceFinalized(deps, {
          actor,
          invoiceId: input.invoiceId,
          status: finalized.status === 'paid' ? 'paid' : 'open',
          number: finalized.number,
          hostedInvoiceUrl: finalized.hostedInvoiceUrl,
          pdfUrl: finalized.pdfUrl,
        }),
      );
    },

    /** Compensation: deletes the Stripe draft this invoice has, if it is still a draft there. */
    async discardStripeDraft(input: { invoiceId: string }): Promise<void> {
      const invoice = await domainCall(() => invoiceForStripe(deps, { actor, invoiceId: input.invoiceId }));
      const draftId = invoice.stripeInvoiceId;
      if (draftId && invoice.status === 'draft') await providerCall(() => stripe.deleteDraftInvoice(draftId));
    },

    async markInvoiceFailed(input: { invoiceId: string; reason: string }): Promise<void> {
      await domainCall(() => recordInvoiceFailed(deps, { actor, ...input }));
    },
  };
}

function requireDraft(stripeInvoiceId: string | null): string {
  if (!stripeInvoiceId) throw new Error('The invoice has no Stripe draft yet');
  return stripeInvoiceId;
}

export type InvoicingActivities = ReturnType<typeof createInvoicingActivities>;
