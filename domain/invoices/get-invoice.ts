import type { InvoiceDetail } from '../../contracts/invoices';
import { Invoice, InvoiceLine } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { notFound } from '../errors/app-error';
import { toInvoiceLineView, toInvoiceView } from './invoice-view';

/** An invoice with its lines; another tenant's invoice is not found (row-level security agrees). */
export async function getInvoice(
  deps: { orm: Orm },
  { actor, invoiceId }: { actor: Actor; invoiceId: string },
): Promise<InvoiceDetail> {
  assertCan(actor, 'invoices:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const invoice = await em.findOne(Invoice, {
      id: invoiceId,
      ...(actor.tenantId ? { tenantId: actor.tenantId } : {}),
    });
    if (!invoice) throw notFound('Invoice');
    // Lines carry no position; kind then description keeps the order stable.
    const lines = await em.find(
      InvoiceLine,
      { invoiceId: invoice.id, tenantId: invoice.tenantId },
      { orderBy: { kind: 'asc', description: 'asc', id: 'asc' } },
    );
    return { ...toInvoiceView(invoice), lines: lines.map(toInvoiceLineView) };
  });
}
