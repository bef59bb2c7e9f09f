import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { FilterBar } from '~/components/filter-bar';
import { TenantStatusBadge } from '~/components/status-badges';
import { ButtonLink } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { FilterChoice } from '~/components/ui/field';
import { PageHeader } from '~/components/ui/page-header';
import { Pagination } from '~/components/ui/pagination';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi, knownFilter, pageOf } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';
import { formatDate, humanize } from '~/lib/format';
import { useMe } from '~/lib/use-me';
import { can } from '@contracts/grants';
import { TENANT_STATUSES } from '@contracts/tenant-status';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Tenants · VoicePlane admin' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const url = new URL(request.url);
  const status = url.searchParams.get('status') ?? '';
  const tenants = await createApi(request).tenants.list({
    page: pageOf(url),
    status: knownFilter(status, TENANT_STATUSES),
  });
  return { tenants, status };
}

export default function Tenants() {
  const { tenants, status } = useLoaderData<typeof loader>();
  const { user } = useMe();
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Every customer organisation, with its onboarding progress."
        actions={can(user.role, 'tenants:create') ? <ButtonLink to="/admin/tenants/new">New tenant</ButtonLink> : null}
      />
      <Card>
        <FilterBar>
          <FilterChoice
            label="Status"
            name="status"
            defaultValue={status}
            anyLabel="All statuses"
            choices={TENANT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
          />
        </FilterBar>
        {tenants.items.length === 0 ? (
          <EmptyState
            title={status ? 'No tenants with this status' : 'No tenants yet'}
            action={
              can(user.role, 'tenants:create') && !status ? (
                <ButtonLink to="/admin/tenants/new">Create the first tenant</ButtonLink>
              ) : null
            }
          >
            {status ? 'Try another filter.' : 'Tenants you create appear here with their onboarding step.'}
          </EmptyState>
        ) : (
          <Table label="Tenants">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Status</Th>
                <Th>Onboarding step</Th>
                <Th>Contact</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <TBody>
              {tenants.items.map((tenant) => (
                <tr key={tenant.id}>
                  <Td>
                    <Link to={`/admin/tenants/${tenant.id}`} className="font-medium text-indigo-600 hover:underline">
                      {tenant.name}
                    </Link>
                    <p className="text-xs text-slate-500">{tenant.slug}</p>
                  </Td>
                  <Td>
                    <TenantStatusBadge status={tenant.status} />
                  </Td>
                  <Td>{humanize(tenant.onboardingStep)}</Td>
                  <Td className="max-w-[16rem] truncate">{tenant.contactEmail}</Td>
                  <Td className="whitespace-nowrap">{formatDate(tenant.createdAt)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination page={tenants} label="tenants" />
      </Card>
    </>
  );
}
