import { Link, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import type { PlanChangeRecordView } from '@contracts/billing-admin';
import { FilterBar, TenantFilter } from '~/components/filter-bar';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { Pagination } from '~/components/ui/pagination';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi, filtersOf, pageOf, tenantNames, uuidFilter } from '~/lib/api.server';
import { requirePermission, requireUser } from '~/lib/auth.server';
import { freshSessionAction } from '~/lib/fresh-session';
import { formatDateTime, humanize } from '~/lib/format';
import { formFailure, text } from '~/lib/forms.server';
import { ROLE_LABELS } from '~/lib/roles';
import { useMe } from '~/lib/use-me';
import { can } from '@contracts/grants';

import { ChangePlanForm } from './change-plan-form';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Plan changes · Billing · VoicePlane admin' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, 'admin');
  const api = createApi(request);
  const url = new URL(request.url);
  const filters = filtersOf(url, ['tenantId']);
  const tenantId = uuidFilter(filters.tenantId);
  const [changes, tenants, plans] = await Promise.all([
    api.billingAdmin.planChanges({ tenantId, page: pageOf(url) }),
    api.tenants.list({ pageSize: 100 }),
    can(me.user.role, 'plans:change') ? api.billing.plans() : null,
  ]);
  const names = await tenantNames(api, tenantId ? [tenantId] : [], tenants.items);
  return {
    changes,
    filters,
    tenants: Object.entries(names).map(([id, name]) => ({ id, name })),
    plans: plans?.items ?? [],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'admin', 'plans:change', 'change plans');
  const form = await request.formData();
  const tenantId = text(form, 'tenantId');
  if (!uuidFilter(tenantId)) {
    return formFailure(
      { status: 400, detail: 'Choose a tenant', errors: [{ path: 'tenantId', message: 'required' }] },
      ['tenantId'],
    );
  }
  const result = await createApi(request).billingAdmin.changePlan(tenantId, text(form, 'planCode'));
  if (!result.ok) return formFailure(result.problem, ['tenantId', 'planCode']);
  const { from, to, changed } = result.data;
  const message = changed
    ? `Moved from ${from ? humanize(from) : 'no plan'} to ${humanize(to)}.`
    : `The tenant is on ${humanize(to)} already.`;
  return { ok: true as const, message };
}

export const clientAction = freshSessionAction;

export default function PlanChanges() {
  const { changes, filters, tenants, plans } = useLoaderData<typeof loader>();
  const { user } = useMe();
  return (
    <div className="space-y-6">
      {can(user.role, 'plans:change') ? (
        <Card>
          <CardHeader
            title="Change a tenant’s plan"
            description="Takes effect at once and is audited; the tenant’s Stripe subscription follows."
          />
          <CardBody>
            <ChangePlanForm tenants={tenants} plans={plans} defaultTenantId={filters.tenantId} />
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Plan changes" description="Newest first, by a platform admin or by Stripe." />
        <FilterBar>
          <TenantFilter tenants={tenants} defaultValue={filters.tenantId} />
        </FilterBar>
        {changes.items.length === 0 ? (
          <EmptyState title="No plan changes" />
        ) : (
          <Table label="Plan changes">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Tenant</Th>
                <Th>Change</Th>
                <Th>By</Th>
              </tr>
            </thead>
            <TBody>
              {changes.items.map((change) => (
                <tr key={change.id} data-change-id={change.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(change.changedAt)}</Td>
                  <Td>
                    {change.tenantId ? (
                      <Link
                        to={`/admin/tenants/${change.tenantId}`}
                        className="font-medium text-indigo-600 hover:underline"
                      >
                        {change.tenantName}
                      </Link>
                    ) : (
                      <span className="text-slate-500">a removed tenant</span>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {change.from?.name ?? 'no plan'} <span aria-hidden="true">→</span>
                    <span className="sr-only">to</span> <span className="font-medium">{change.to.name}</span>
                  </Td>
                  <Td>
                    <ChangedBy by={change.changedBy} />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination page={changes} label="plan changes" />
      </Card>
    </div>
  );
}

function ChangedBy({ by }: { by: PlanChangeRecordView['changedBy'] }) {
  if (by.kind === 'system') return <span className="text-slate-700">{humanize(by.name ?? 'the platform')}</span>;
  return (
    <>
      <span className="text-slate-900">{by.name ?? 'a former user'}</span>
      {by.role ? <p className="text-xs text-slate-500">{ROLE_LABELS[by.role]}</p> : null}
    </>
  );
}
