import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { LatestInvoicesCard } from '~/components/invoice-table';
import { BotStatusBadge } from '~/components/status-badges';
import { UsageChartCard, UsageTotalsCards } from '~/components/usage-charts';
import { Alert } from '~/components/ui/alert';
import { Card, CardHeader } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { createApi, settle } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';
import { formatDate, formatMoney } from '~/lib/format';
import { useMe } from '~/lib/use-me';
import type { SubscriptionView } from '@contracts/billing';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Dashboard · VoicePlane' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'app');
  const api = createApi(request);
  const [usage, bots, invoices, subscription] = await Promise.all([
    settle(api.usage.summary({ range: 'month', groupBy: 'day' })),
    api.bots.list({ pageSize: 5 }),
    settle(api.invoices.list({ pageSize: 3 })),
    settle(api.billing.subscription()),
  ]);
  return { usage, bots, invoices, subscription };
}

export default function Dashboard() {
  const { usage, bots, invoices, subscription } = useLoaderData<typeof loader>();
  const { user, tenant } = useMe();
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name.split(' ')[0]}`}
        description={
          usage.data
            ? `${tenant?.name ?? 'Your organisation'} · usage from ${formatDate(usage.data.range.from)} to ${formatDate(usage.data.range.to)}`
            : tenant?.name
        }
      />
      {usage.error ? (
        <Alert tone="warning" title="Usage is not available right now">
          {usage.error.detail ?? usage.error.title}
        </Alert>
      ) : (
        <section aria-label="This month’s usage" className="space-y-6">
          <UsageTotalsCards totals={usage.data.totals} />
          {subscription.data ? <EstimatedCost subscription={subscription.data} /> : null}
          <Card>
            <UsageChartCard summary={usage.data} title="Daily usage this month" />
          </Card>
        </section>
      )}

      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader
            title="Bots"
            description={`${bots.total} in total`}
            actions={
              <Link to="/app/bots" className="text-sm font-medium text-indigo-600 hover:underline">
                All bots
              </Link>
            }
          />
          {bots.items.length === 0 ? (
            <EmptyState title="No bots yet">Your VoicePlane contact sets up your first voice bot.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {bots.items.map((bot) => (
                <li key={bot.id} className="flex items-center justify-between gap-3 px-4 py-3 sm:px-5">
                  <div className="min-w-0">
                    <Link to={`/app/bots/${bot.id}`} className="font-medium text-indigo-600 hover:underline">
                      {bot.name}
                    </Link>
                    <p className="font-mono text-xs text-slate-500">{bot.phoneNumber ?? 'No number yet'}</p>
                  </div>
                  <BotStatusBadge status={bot.status} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <LatestInvoicesCard title="Latest invoices" invoices={invoices} compact />
      </div>
    </>
  );
}

/** What this month's usage costs so far, next to the usage itself; the breakdown is on the billing page. */
function EstimatedCost({ subscription }: { subscription: SubscriptionView }) {
  const { estimate, plan } = subscription;
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-5" data-testid="estimated-cost">
        <div>
          <p className="text-sm text-slate-500">Estimated cost this month · {plan.name} plan</p>
          <p className="text-2xl font-semibold tabular-nums text-slate-900">
            {formatMoney(estimate.totalCents, estimate.currency)}
          </p>
        </div>
        <Link to="/app/billing" className="text-sm font-medium text-indigo-600 hover:underline">
          Billing details
        </Link>
      </div>
    </Card>
  );
}
