import { useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { FilterBar, TenantFilter } from '~/components/filter-bar';
import { TicketTable } from '~/components/ticket-table';
import { Card } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { FilterChoice } from '~/components/ui/field';
import { PageHeader } from '~/components/ui/page-header';
import { Pagination } from '~/components/ui/pagination';
import { createApi, filtersOf, knownFilter, pageOf, uuidFilter } from '~/lib/api.server';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '@contracts/support-ticket';
import { requireUser } from '~/lib/auth.server';
import { humanize } from '~/lib/format';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Support inbox · VoicePlane admin' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const api = createApi(request);
  const url = new URL(request.url);
  const filters = filtersOf(url, ['status', 'priority', 'tenantId']);
  const [tickets, tenants] = await Promise.all([
    api.tickets.list({
      page: pageOf(url),
      status: knownFilter(filters.status, TICKET_STATUSES),
      priority: knownFilter(filters.priority, TICKET_PRIORITIES),
      tenantId: uuidFilter(filters.tenantId),
    }),
    api.tenants.list({ pageSize: 100 }),
  ]);
  return { tickets, tenants: tenants.items.map((t) => ({ id: t.id, name: t.name })), filters };
}

export default function SupportInbox() {
  const { tickets, tenants, filters } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Support inbox" description="Tickets from every tenant, latest activity first." />
      <Card>
        <FilterBar>
          <FilterChoice
            label="Status"
            name="status"
            defaultValue={filters.status}
            anyLabel="All statuses"
            choices={TICKET_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
          />
          <FilterChoice
            label="Priority"
            name="priority"
            defaultValue={filters.priority}
            anyLabel="Any priority"
            choices={TICKET_PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))}
          />
          <TenantFilter tenants={tenants} defaultValue={filters.tenantId} />
        </FilterBar>
        {tickets.items.length === 0 ? (
          <EmptyState title="Inbox zero">No tickets match these filters.</EmptyState>
        ) : (
          <TicketTable tickets={tickets.items} basePath="/admin/support" showTenant />
        )}
        <Pagination page={tickets} label="tickets" />
      </Card>
    </>
  );
}
