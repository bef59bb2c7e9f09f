import { Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { CallVolumeChart } from '~/components/call-volume-chart';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardHeader } from '~/components/ui/card';
import { PageHeader } from '~/components/ui/page-header';
import { StatCard } from '~/components/ui/stat-card';
import { createApi, settle } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';
import { formatCosts, formatMinutes, formatRate, formatUsd } from '~/lib/call-format';
import { callFiltersOf } from '~/lib/call-query';
import { formatDate, formatMoney, formatNumber } from '~/lib/format';

import { AgentTable } from './agent-table';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Analytics · VoicePlane' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'app');
  // The same days the call history's filters take (YYYY-MM-DD); anything else is left to the API's default.
  const { from, to } = callFiltersOf(new URL(request.url).searchParams);
  const range = { from, to };
  return { range, analytics: await settle(createApi(request).analytics.organization(range)) };
}

export default function Analytics() {
  const { range, analytics } = useLoaderData<typeof loader>();
  const data = analytics.data;
  return (
    <>
      <PageHeader
        title="Analytics"
        description={
          data
            ? `Calls of your monitored agents from ${formatDate(data.range.from)} to ${formatDate(data.range.to)} (UTC).`
            : 'Calls of your monitored agents.'
        }
      />
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Period">
        {(['from', 'to'] as const).map((name) => (
          <label key={name} className="flex flex-col gap-1 text-xs font-medium text-slate-500">
            {name === 'from' ? 'From' : 'To'}
            <input
              type="date"
              name={name}
              defaultValue={range[name] ?? data?.range[name]}
              className="rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300"
            />
          </label>
        ))}
        <Button type="submit" size="sm" variant="secondary">
          Show
        </Button>
        {range.from || range.to ? (
          <Link to="/app/analytics" className="text-sm font-medium text-slate-600 hover:text-slate-900">
            Last 30 days
          </Link>
        ) : null}
      </Form>
      {!data ? (
        <Alert title="Analytics are not available">{analytics.error?.detail ?? analytics.error?.title}</Alert>
      ) : (
        <div className="space-y-6">
          <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <StatCard label="Calls" value={formatNumber(data.totals.calls)} />
            <StatCard
              label="Minutes"
              value={formatMinutes(data.totals.minutes)}
              hint={`${formatNumber(data.totals.billableMinutes)} billable (per started minute)`}
            />
            <StatCard
              label="Success rate"
              value={formatRate(data.totals.successRate)}
              hint="Of the calls ElevenLabs evaluated"
            />
            <StatCard
              label="Estimated cost"
              value={<span data-testid="analytics-estimated-cost">{formatCosts(data.totals.estimatedCost)}</span>}
              hint={
                <>
                  ElevenLabs {formatUsd(data.totals.elevenLabsCostUsd)}
                  {data.totals.platformPrice
                    ? ` + VoicePlane ${formatMoney(data.totals.platformPrice.cents, data.totals.platformPrice.currency)} (${data.totals.platformPrice.plan}, ${formatNumber(data.totals.platformPrice.includedMinutes)} min included)`
                    : ''}
                </>
              }
            />
          </dl>
          <Card>
            <CardHeader title="Daily volume" description="Calls per day (bars) and their minutes (line)." />
            <div className="px-2 py-4 sm:px-4">
              <CallVolumeChart daily={data.daily} />
            </div>
          </Card>
          <Card>
            <CardHeader title="Agents" description="Duration percentiles over the calls that connected." />
            <AgentTable agents={data.agents} />
          </Card>
        </div>
      )}
    </>
  );
}
