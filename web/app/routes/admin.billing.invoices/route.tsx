import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { FilterBar, TenantFilter } from '~/components/filter-bar';
import { ExternalLink } from '~/components/external-link';
import { InvoiceStatusBadge } from '~/components/status-badges';
import { TemporalLink } from '~/components/temporal-link';
import { buttonClass } from '~/components/ui/button';
import { Card, CardHeader } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { FilterChoice } from '~/components/ui/field';
import { Pagination } from '~/components/ui/pagination';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi, filtersOf, knownFilter, pageOf, tenantNames, uuidFilter } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';
import { formatDate, formatMoney, humanize } from '~/lib/format';
import { INVOICE_STATUSES } from '@contracts/invoice-status';

import { formatPeriod, periodParam } from '../admin.billing/billing-format';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Invoices · Billing · VoicePlane admin' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const api = createApi(request);
  const url = new URL(request.url);
  const filters = filtersOf(url, ['status', 'period', 'tenantId']);
  const filter = {
    status: knownFilter(filters.status, INVOICE_STATUSES),
    period: periodParam(filters.period) ?? undefined,
    tenantId: uuidFilter(filters.tenantId),
  };
  const [invoices, periods, tenants] = await Promise.all([
    api.billingAdmin.invoices({ ...filter, page: pageOf(url) }),
    api.billingAdmin.runs({ pageSize: 100 }),
    api.tenants.list({ pageSize: 100 }),
  ]);
  // The tenant filter lists the first 100 tenants; one chosen beyond them keeps its name.
  const names = await tenantNames(api, filter.tenantId ? [filter.tenantId] : [], tenants.items);
  const exported = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return {
    invoices,
    filters,
    periods: periods.items.map((item) => item.period),
    tenants: Object.entries(names).map(([id, name]) => ({ id, name })),
    csvHref: `/api/billing/admin/invoices.csv${exported.size ? `?${exported}` : ''}`,
  };
}

export default function AdminInvoices() {
  const { invoices, filters, periods, tenants, csvHref } = useLoaderData<typeof loader>();
  return (
    <Card>
      <CardHeader
        title="Invoices"
        description="Every tenant’s invoices, newest period first."
        actions={
          <a href={csvHref} download className={buttonClass('secondary', 'sm')}>
            Export CSV
          </a>
        }
      />
      <FilterBar>
        <FilterChoice
          label="Status"
          name="status"
          defaultValue={filters.status}
          anyLabel="All statuses"
          choices={INVOICE_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
        />
        <FilterChoice
          label="Period"
          name="period"
          defaultValue={filters.period}
          anyLabel="All periods"
          choices={periods.map((p) => ({ value: p, label: formatPeriod(p) }))}
        />
        <TenantFilter tenants={tenants} defaultValue={filters.tenantId} />
      </FilterBar>
      {invoices.items.length === 0 ? (
        <EmptyState title="No invoices match these filters" />
      ) : (
        <Table label="Invoices of every tenant">
          <thead>
            <tr>
              <Th>Period</Th>
              <Th>Tenant</Th>
              <Th>Number</Th>
              <Th>Status</Th>
              <Th className="text-right">Amount</Th>
              <Th>Issued</Th>
              <Th>
                <span className="sr-only">Documents</span>
              </Th>
            </tr>
          </thead>
          <TBody>
            {invoices.items.map((invoice) => (
              <tr key={invoice.id} data-invoice-id={invoice.id}>
                <Td className="whitespace-nowrap font-medium text-slate-900">{formatPeriod(invoice.period)}</Td>
                <Td>
                  <Link
                    to={`/admin/tenants/${invoice.tenantId}`}
                    className="font-medium text-indigo-600 hover:underline"
                  >
                    {invoice.tenantName}
                  </Link>
                  {invoice.failureReason ? (
                    <p className="mt-1 line-clamp-2 max-w-xs text-xs text-rose-700" title={invoice.failureReason}>
                      {invoice.failureReason}
                    </p>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap font-mono text-xs">{invoice.number ?? '—'}</Td>
                <Td>
                  <InvoiceStatusBadge status={invoice.status} />
                </Td>
                <Td className="whitespace-nowrap text-right tabular-nums">
                  {formatMoney(invoice.totalCents, invoice.currency)}
                </Td>
                <Td className="whitespace-nowrap">{formatDate(invoice.createdAt)}</Td>
                <Td>
                  <div className="flex items-center justify-end gap-3 text-xs">
                    {invoice.hostedInvoiceUrl ? (
                      <ExternalLink href={invoice.hostedInvoiceUrl}>View</ExternalLink>
                    ) : null}
                    {invoice.pdfUrl ? (
                      <ExternalLink href={invoice.pdfUrl} icon={false}>
                        PDF
                      </ExternalLink>
                    ) : null}
                    {invoice.workflowUrl ? <TemporalLink href={invoice.workflowUrl} /> : null}
                  </div>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pagination page={invoices} label="invoices" />
    </Card>
  );
}
