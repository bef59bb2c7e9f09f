import { Link } from 'react-router';

import type { InvoiceView } from '@contracts/invoices';
import { formatDate, formatMoney } from '~/lib/format';
import type { Problem } from '~/lib/problem';

import { ExternalLink } from './external-link';
import { InvoiceStatusBadge } from './status-badges';
import { Alert } from './ui/alert';
import { Card, CardBody, CardHeader } from './ui/card';
import { EmptyState } from './ui/empty-state';
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

/** A customer page's newest invoices (a `settle`d read: a failure shows in the card), linking to all of them. */
export function LatestInvoicesCard({
  title,
  invoices,
  compact = false,
  className,
}: {
  title: string;
  invoices: { data: { items: InvoiceView[] }; error: null } | { data: null; error: Problem };
  compact?: boolean;
  className?: string;
}) {
  return (
    <Card className={className}>
      <CardHeader
        title={title}
        actions={
          <Link to="/app/invoices" className="text-sm font-medium text-indigo-600 hover:underline">
            All invoices
          </Link>
        }
      />
      {invoices.error ? (
        <CardBody>
          <Alert tone="warning">Invoices are not available: {invoices.error.detail ?? invoices.error.title}</Alert>
        </CardBody>
      ) : invoices.data.items.length === 0 ? (
        <EmptyState title="No invoices yet">Your first invoice appears after your first billing period.</EmptyState>
      ) : (
        <InvoiceTable invoices={invoices.data.items} compact={compact} />
      )}
    </Card>
  );
}
