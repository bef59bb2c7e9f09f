import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { FilterBar, TenantFilter } from '~/components/filter-bar';
import { BotStatusBadge } from '~/components/status-badges';
import { ButtonLink } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { FilterChoice } from '~/components/ui/field';
import { PageHeader } from '~/components/ui/page-header';
import { Pagination } from '~/components/ui/pagination';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi, filtersOf, knownFilter, pageOf, settle, tenantNames, uuidFilter } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';
import { humanize } from '~/lib/format';
import { useMe } from '~/lib/use-me';
import { can } from '@contracts/grants';
import { BOT_STATUSES } from '@contracts/bot-status';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Bots · VoicePlane admin' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const api = createApi(request);
  const url = new URL(request.url);
  const filters = filtersOf(url, ['status', 'tenantId']);
  const [bots, tenants] = await Promise.all([
    api.bots.list({
      page: pageOf(url),
      status: knownFilter(filters.status, BOT_STATUSES),
      tenantId: uuidFilter(filters.tenantId),
    }),
    api.tenants.list({ pageSize: 100 }),
  ]);
  const names = await tenantNames(
    api,
    bots.items.map((bot) => bot.tenantId),
    tenants.items,
  );
  // The latest run's error explains a failed bot.
  const errors = Object.fromEntries(
    await Promise.all(
      bots.items
        .filter((bot) => bot.status === 'failed')
        .map(async (bot) => [bot.id, (await settle(api.bots.provisioning(bot.id))).data?.error ?? null] as const),
    ),
  );
  return { bots, tenants: tenants.items, tenantNameById: names, errors, filters };
}

export default function Bots() {
  const { bots, tenants, tenantNameById, errors, filters } = useLoaderData<typeof loader>();
  const { user } = useMe();
  const filtered = Boolean(filters.status || filters.tenantId);
  return (
    <>
      <PageHeader
        title="Bots"
        description="Every tenant’s voice bots, their numbers and Heroku apps."
        actions={can(user.role, 'bots:manage') ? <ButtonLink to="/admin/bots/new">New bot</ButtonLink> : null}
      />
      <Card>
        <FilterBar>
          <FilterChoice
            label="Status"
            name="status"
            defaultValue={filters.status}
            anyLabel="All statuses"
            choices={BOT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
          />
          <TenantFilter tenants={tenants} defaultValue={filters.tenantId} />
        </FilterBar>
        {bots.items.length === 0 ? (
          <EmptyState
            title={filtered ? 'No bots match these filters' : 'No bots yet'}
            action={
              can(user.role, 'bots:manage') && !filtered ? (
                <ButtonLink to="/admin/bots/new">Create a bot</ButtonLink>
              ) : null
            }
          />
        ) : (
          <Table label="Bots">
            <thead>
              <tr>
                <Th>Bot</Th>
                <Th>Status</Th>
                <Th>Number</Th>
                <Th>Heroku app</Th>
                <Th>Last error</Th>
              </tr>
            </thead>
            <TBody>
              {bots.items.map((bot) => (
                <tr key={bot.id} data-bot-id={bot.id}>
                  <Td>
                    <Link to={`/admin/bots/${bot.id}`} className="font-medium text-indigo-600 hover:underline">
                      {bot.name}
                    </Link>
                    <p className="text-xs text-slate-500">{tenantNameById[bot.tenantId] ?? 'Unknown tenant'}</p>
                  </Td>
                  <Td>
                    <BotStatusBadge status={bot.status} />
                  </Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{bot.phoneNumber ?? '—'}</Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{bot.herokuAppName ?? '—'}</Td>
                  <Td className="max-w-xs">
                    {errors[bot.id] ? (
                      <span className="line-clamp-2 text-xs text-rose-700">{errors[bot.id]}</span>
                    ) : (
                      '—'
                    )}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination page={bots} label="bots" />
      </Card>
    </>
  );
}
