import { Link } from 'react-router';

import type { InvoiceRunPeriodView } from '@contracts/billing-admin';
import { INVOICE_RUN_STATUSES } from '@contracts/invoice-run-status';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { formatDateTime } from '~/lib/format';

import { formatAmounts, formatPeriod } from '../admin.billing/billing-format';
import { RunStatusBadge } from '../admin.billing/run-status-badge';

/** Every period with invoices or runs: tenants per run status and totals; a period's name opens its runs. */
export function PeriodTable({ periods, selected }: { periods: InvoiceRunPeriodView[]; selected: string }) {
  return (
    <Table label="Invoice periods">
      <thead>
        <tr>
          <Th>Period</Th>
          <Th>Tenants by run status</Th>
          <Th className="text-right">Billed</Th>
          <Th className="text-right">Paid</Th>
          <Th>Last run started</Th>
        </tr>
      </thead>
      <TBody>
        {periods.map((period) => (
          <tr
            key={period.period}
            data-period={period.period}
            className={period.period === selected ? 'bg-indigo-50/60' : undefined}
          >
            <Td className="whitespace-nowrap">
              <Link
                to={`?period=${period.period}`}
                preventScrollReset
                aria-current={period.period === selected ? 'true' : undefined}
                className="font-medium text-indigo-600 hover:underline"
              >
                {formatPeriod(period.period)}
              </Link>
            </Td>
            <Td>
              <div className="flex flex-wrap gap-1.5">
                {INVOICE_RUN_STATUSES.filter((status) => period.counts[status] > 0).map((status) => (
                  <span key={status} className="inline-flex items-center gap-1">
                    <RunStatusBadge status={status} />
                    <span className="text-xs tabular-nums text-slate-600">{period.counts[status]}</span>
                  </span>
                ))}
              </div>
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatAmounts(period.billed)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatAmounts(period.paid)}</Td>
            <Td className="whitespace-nowrap">{period.lastStartedAt ? formatDateTime(period.lastStartedAt) : '—'}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
