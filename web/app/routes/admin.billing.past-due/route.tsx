import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import type { PastDueTenantView } from '@contracts/billing-admin';
import { TenantStatusBadge } from '~/components/status-badges';
import { Badge } from '~/components/ui/badge';
import { Card, CardHeader } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { Pagination } from '~/components/ui/pagination';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi, pageOf } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';
import { formatDate, formatDateTime } from '~/lib/format';

import { formatAmounts } from '../admin.billing/billing-format';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Past due · Billing · VoicePlane admin' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const url = new URL(request.url);
  return { tenants: await createApi(request).billingAdmin.pastDue({ page: pageOf(url) }) };
}

export default function PastDue() {
  const { tenants } = useLoaderData<typeof loader>();
  return (
    <Card>
      <CardHeader
        title="Past-due tenants"
        description="A payment failed: dunning reminds them, then stops their calls until the payment arrives. Longest overdue first."
      />
      {tenants.items.length === 0 ? (
        <EmptyState title="No payment is overdue" />
      ) : (
        <Table label="Past-due tenants">
          <thead>
            <tr>
              <Th>Tenant</Th>
              <Th>Plan</Th>
              <Th>Past due since</Th>
              <Th className="text-right">Outstanding</Th>
              <Th>Calls</Th>
            </tr>
          </thead>
          <TBody>
            {tenants.items.map((tenant) => (
              <tr key={tenant.tenantId} data-tenant-id={tenant.tenantId}>
                <Td>
                  <Link
                    to={`/admin/tenants/${tenant.tenantId}`}
                    className="font-medium text-indigo-600 hover:underline"
                  >
                    {tenant.tenantName}
                  </Link>
                  {tenant.tenantStatus !== 'active' ? (
                    <div className="mt-1">
                      <TenantStatusBadge status={tenant.tenantStatus} />
                    </div>
                  ) : null}
                </Td>
                <Td>{tenant.planName}</Td>
                <Td className="whitespace-nowrap">{formatDateTime(tenant.pastDueSince)}</Td>
                <Td className="whitespace-nowrap text-right tabular-nums">
                  {formatAmounts(tenant.outstanding)}
                  <p className="text-xs text-slate-500">
                    {tenant.unpaidInvoices} unpaid {tenant.unpaidInvoices === 1 ? 'invoice' : 'invoices'}
                  </p>
                </Td>
                <Td>
                  <CallsStanding tenant={tenant} />
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pagination page={tenants} label="tenants" />
    </Card>
  );
}

/** Whether the tenant's calls still go through, and for how long. */
function CallsStanding({ tenant }: { tenant: PastDueTenantView }) {
  if (tenant.callsRefused) {
    return (
      <>
        <Badge tone="red">Suspended</Badge>
        <p className="mt-1 text-xs text-slate-500">since {formatDate(tenant.callsRefusedFrom)}</p>
      </>
    );
  }
  if (tenant.daysUntilCallsRefused === null) return <Badge tone="gray">Suspension not scheduled yet</Badge>;
  const days = tenant.daysUntilCallsRefused;
  return (
    <>
      <Badge tone={days <= 3 ? 'amber' : 'blue'}>
        {days === 0 ? 'Stop today' : `Stop in ${days} ${days === 1 ? 'day' : 'days'}`}
      </Badge>
      <p className="mt-1 text-xs text-slate-500">on {formatDate(tenant.callsRefusedFrom)}</p>
    </>
  );
}
