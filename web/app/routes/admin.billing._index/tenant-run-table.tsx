import { Link } from 'react-router';

import type { TenantInvoiceRunView } from '@contracts/billing-admin';
import { ExternalLink } from '~/components/external-link';
import { InvoiceStatusBadge } from '~/components/status-badges';
import { TemporalLink } from '~/components/temporal-link';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { formatDateTime, formatMoney } from '~/lib/format';

import { RunStatusBadge } from '../admin.billing/run-status-badge';

/** A period's tenants: how each one's run stands, the invoice it made, and the run in Temporal. */
export function TenantRunTable({ runs }: { runs: TenantInvoiceRunView[] }) {
  return (
    <Table label="Tenant runs">
      <thead>
        <tr>
          <Th>Tenant</Th>
          <Th>Run</Th>
          <Th>Invoice</Th>
          <Th className="text-right">Total</Th>
          <Th>Updated</Th>
          <Th>
            <span className="sr-only">Links</span>
          </Th>
        </tr>
      </thead>
      <TBody>
        {runs.map((run) => (
          <tr key={run.tenantId} data-tenant-id={run.tenantId} data-run-status={run.status}>
            <Td>
              <Link to={`/admin/tenants/${run.tenantId}`} className="font-medium text-indigo-600 hover:underline">
                {run.tenantName}
              </Link>
            </Td>
            <Td className="max-w-xs">
              <RunStatusBadge status={run.status} />
              {run.failureReason ? (
                <p className="mt-1 line-clamp-2 text-xs text-rose-700" title={run.failureReason}>
                  {run.failureReason}
                </p>
              ) : null}
            </Td>
            <Td>{run.invoiceStatus ? <InvoiceStatusBadge status={run.invoiceStatus} /> : '—'}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {run.totalCents === null || !run.currency ? '—' : formatMoney(run.totalCents, run.currency)}
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(run.updatedAt)}</Td>
            <Td>
              <div className="flex items-center justify-end gap-3 text-xs">
                {run.hostedInvoiceUrl ? <ExternalLink href={run.hostedInvoiceUrl}>Invoice</ExternalLink> : null}
                {run.workflowUrl ? <TemporalLink href={run.workflowUrl} /> : null}
              </div>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
