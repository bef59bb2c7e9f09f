import { InvoiceLine } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import type { InvoiceLineDraft } from './invoice-lines';

/** Adds rated lines to an invoice, in order; the unit price shown is the line's average (0 for no quantity). */
export function storeInvoiceLines(
  em: ScopedEm,
  { tenantId, invoiceId, lines }: { tenantId: string; invoiceId: string; lines: InvoiceLineDraft[] },
): void {
  lines.forEach((line, position) =>
    em.create(InvoiceLine, {
      tenantId,
      invoiceId,
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
}
