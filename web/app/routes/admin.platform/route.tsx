import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { CallVolumeChart } from '~/components/call-volume-chart';
import { Card, CardHeader } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { StatCard } from '~/components/ui/stat-card';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi } from '~/lib/api.server';
import { requirePermission } from '~/lib/auth.server';
import { formatMinutes, formatRate, formatUsd } from '~/lib/call-format';
import { formatDateTime, formatNumber } from '~/lib/format';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Platform stats · VoicePlane admin' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin', 'platform:stats', 'see the platform’s statistics');
  return { stats: await createApi(request).analytics.platform() };
}

export default function PlatformStatsPage() {
  const { stats } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Platform stats"
        description={`ElevenLabs monitoring across every tenant, as of ${formatDateTime(stats.generatedAt)}.`}
      />
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatCard
            label="Active integrations"
            value={formatNumber(stats.activeTenants)}
            hint="Tenants with a working key"
          />
          <StatCard label="Agents monitored" value={formatNumber(stats.agentsMonitored)} />
          <StatCard
            label="Calls today"
            value={formatNumber(stats.today.calls)}
            hint={`${formatMinutes(stats.today.minutes)} min · ${formatRate(stats.today.successRate)} success`}
          />
          <StatCard
            label="Calls, last 30 days"
            value={formatNumber(stats.last30Days.calls)}
            hint={`${formatMinutes(stats.last30Days.minutes)} min · ${formatRate(stats.last30Days.successRate)} success · ElevenLabs ${formatUsd(stats.last30Days.elevenLabsCostUsd)}`}
          />
        </dl>
        <Card>
          <CardHeader title="Daily volume, last 30 days" description="Every tenant’s calls per day (UTC)." />
          <div className="px-2 py-4 sm:px-4">
            <CallVolumeChart daily={stats.daily} />
          </div>
        </Card>
        <Card>
          <CardHeader title="Busiest tenants" description="By calls in the last 30 days." />
          {stats.topTenants.length === 0 ? (
            <EmptyState title="No calls in the last 30 days" />
          ) : (
            <Table label="Busiest tenants">
              <thead>
                <tr>
                  <Th>Tenant</Th>
                  <Th className="text-right">Calls</Th>
                  <Th className="text-right">Minutes</Th>
                  <Th className="text-right">Success rate</Th>
                </tr>
              </thead>
              <TBody>
                {stats.topTenants.map((tenant) => (
                  <tr key={tenant.tenantId}>
                    <Td>
                      <Link
                        to={`/admin/tenants/${tenant.tenantId}`}
                        className="font-medium text-indigo-600 hover:underline"
                      >
                        {tenant.tenantName}
                      </Link>
                    </Td>
                    <Td className="text-right tabular-nums">{formatNumber(tenant.calls)}</Td>
                    <Td className="text-right tabular-nums">{formatMinutes(tenant.minutes)}</Td>
                    <Td className="text-right tabular-nums">{formatRate(tenant.successRate)}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
