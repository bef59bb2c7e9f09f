import { EmailOutbox, Invoice, Tenant, User } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { notFound } from '../errors/app-error';
import { UNPAID_INVOICE_STATUSES } from './admin-invoice-run-status';
import type { DunningMail, OverdueInvoice } from './dunning-mails';

/** What a dunning mail may say: whose it is, what is unpaid, and where the portal lists the invoices. */
export interface DunningMailContext {
  tenantName: string;
  invoicesUrl: string;
  invoices: OverdueInvoice[];
}

/**
 * Queues one dunning mail to each active customer admin of the tenant (its contact address when it has none),
 * once per `key`: a retry finds the rows queued before and returns them (`queuedNow` false). Runs in the caller's tenant-scoped
 * transaction, so the mail commits with the change it announces; the worker delivers the rows it returns.
 */
export async function queueDunningMail(
  em: ScopedEm,
  input: {
    tenantId: string;
    key: string;
    publicBaseUrl: string;
    compose: (context: DunningMailContext) => DunningMail;
  },
): Promise<{ outboxIds: string[]; queuedNow: boolean }> {
  const { tenantId, key } = input;
  const queued = await em.find(EmailOutbox, { tenantId, idempotencyKey: { $like: `${key}/%` } });
  if (queued.length > 0) return { outboxIds: queued.map((mail) => mail.id), queuedNow: false };

  const tenant = await em.findOne(Tenant, { id: tenantId });
  if (!tenant) throw notFound('Tenant');
  const admins = await em.find(
    User,
    { tenantId, role: 'customer_admin', isActive: true },
    { orderBy: { createdAt: 'asc' } },
  );
  const unpaid = await em.find(
    Invoice,
    { tenantId, status: { $in: [...UNPAID_INVOICE_STATUSES] } },
    { orderBy: { periodStart: 'asc' } },
  );
  const { subject, text } = input.compose({
    tenantName: tenant.name,
    invoicesUrl: `${input.publicBaseUrl}/app/invoices`,
    invoices: unpaid.map((invoice) => ({
      label: invoice.stripeInvoiceNumber ?? `VoicePlane ${invoice.periodStart.slice(0, 7)}`,
      totalCents: Number(invoice.totalCents),
      currency: invoice.currency,
      hostedInvoiceUrl: invoice.hostedInvoiceUrl ?? null,
    })),
  });
  const addresses = admins.length > 0 ? admins.map((admin) => admin.email) : [tenant.contactEmail];
  const mails = addresses.map((toAddress) =>
    em.create(EmailOutbox, {
      tenantId,
      idempotencyKey: `${key}/${toAddress}`,
      toAddress,
      subject,
      bodyText: text,
      status: 'queued',
    }),
  );
  await em.flush();
  return { outboxIds: mails.map((mail) => mail.id), queuedNow: true };
}
