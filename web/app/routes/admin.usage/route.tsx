import { useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { UsageChartCard, UsageTable, UsageTotalsCards } from '~/components/usage-charts';
import { UsageFilters } from '~/components/usage-filters';
import { Alert } from '~/components/ui/alert';
import { Card } from '~/components/ui/card';
import { PageHeader } from '~/components/ui/page-header';
import { createApi, settle } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';
import { formatDate } from '~/lib/format';
import { apiRange, usageQueryOf } from '~/lib/usage-query';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Usage · VoicePlane admin' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const api = createApi(request);
  const url = new URL(request.url);
  const query = usageQueryOf(url);
  const tenantId = url.searchParams.get('tenantId') ?? '';
  const scope = { ...apiRange(query), tenantId: /^[0-9a-f-]{36}$/i.test(tenantId) ? tenantId : undefined };
  const [byDay, byBot, tenants] = await Promise.all([
    settle(api.usage.summary({ ...scope, groupBy: 'day' })),
    settle(api.usage.summary({ ...scope, groupBy: 'bot' })),
    api.tenants.list({ pageSize: 100 }),
  ]);
  return {
    query,
    tenantId,
    tenants: tenants.items.map((t) => ({ id: t.id, name: t.name })),
    byDay: byDay.data,
    byBot: byBot.data,
    error: byDay.error ?? byBot.error,
  };
}

export default function AdminUsage() {
  const { query, tenantId, tenants, byDay, byBot, error } = useLoaderData<typeof loader>();
  const tenantName = tenants.find((t) => t.id === tenantId)?.name;
  return (
    <>
      <PageHeader
        title="Usage"
        description={
          byDay
            ? `${tenantName ?? 'All tenants'} · ${formatDate(byDay.range.from)} – ${formatDate(byDay.range.to)}`
            : 'Calls, minutes and speech/LLM units across tenants.'
        }
      />
      <div className="mb-6">
        <UsageFilters range={query.range} from={query.from} to={query.to} tenantId={tenantId} tenants={tenants} />
      </div>
      {error ? (
        <Alert title="Usage could not be loaded">{error.detail ?? error.title}</Alert>
      ) : byDay && byBot ? (
        <div className="space-y-6">
          <UsageTotalsCards totals={byDay.totals} />
          <Card>
            <UsageChartCard summary={byDay} title="By day" />
          </Card>
          <Card>
            <UsageChartCard summary={byBot} title="By bot" />
            <div className="border-t border-slate-200">
              <UsageTable summary={byBot} caption="Usage by bot" />
            </div>
          </Card>
        </div>
      ) : null}
    </>
  );
}
