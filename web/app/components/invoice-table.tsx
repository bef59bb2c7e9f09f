import type { InvoiceView } from '@contracts/invoices';
import { formatDate, formatMoney } from '~/lib/format';

import { ExternalLink } from './external-link';
import { InvoiceStatusBadge } from './status-badges';
import { Table, TBody, Td, Th } from './ui/table';

/** `compact` (dashboard): no issue date, shorter link texts. */
export function InvoiceTable({ invoices, compact = false }: { invoices: InvoiceView[]; compact?: boolean }) {
  return (
    <Table label="Invoices">
      <thead>
        <tr>
          <Th>Period</Th>
          <Th>Status</Th>
          <Th className="text-right">Total</Th>
          {compact ? null : <Th>Issued</Th>}
          <Th>
            <span className="sr-only">Documents</span>
          </Th>
        </tr>
      </thead>
      <TBody>
        {invoices.map((invoice) => (
          <tr key={invoice.id} data-invoice-id={invoice.id}>
            <Td className="whitespace-nowrap font-medium text-slate-900">
              {formatDate(invoice.periodStart)} – {formatDate(invoice.periodEnd)}
            </Td>
            <Td>
              <InvoiceStatusBadge status={invoice.status} />
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {formatMoney(invoice.totalCents, invoice.currency)}
            </Td>
            {compact ? null : <Td className="whitespace-nowrap">{formatDate(invoice.createdAt)}</Td>}
            <Td>
              <div className="flex flex-wrap gap-3 text-sm">
                {invoice.hostedInvoiceUrl ? (
                  <ExternalLink href={invoice.hostedInvoiceUrl}>{compact ? 'View' : 'View invoice'}</ExternalLink>
                ) : null}
                {invoice.pdfUrl ? (
                  <ExternalLink href={invoice.pdfUrl} icon={false}>
                    PDF
                  </ExternalLink>
                ) : null}
                {!invoice.hostedInvoiceUrl && !invoice.pdfUrl ? <span className="text-slate-400">—</span> : null}
              </div>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
