import {
  Link,
  useLoaderData,
  useSearchParams,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';

import { IntegrationHealthPanel } from '~/components/integration-health-panel';
import { TenantExportPanel } from '~/components/tenant-export-panel';
import { BotStatusBadge, TenantStatusBadge } from '~/components/status-badges';
import { UsageBarChart, UsageTable } from '~/components/usage-charts';
import { Alert } from '~/components/ui/alert';
import { Badge } from '~/components/ui/badge';
import { ButtonLink } from '~/components/ui/button';
import { Card, CardBody, CardHeader, DetailList } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { Pagination } from '~/components/ui/pagination';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi, pageOf, settle } from '~/lib/api.server';
import { assertMay, requireUser } from '~/lib/auth.server';
import { formatDate, formatDateTime, humanize } from '~/lib/format';
import { formFailure, text } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';
import { ROLE_LABELS } from '~/lib/roles';
import { useMe } from '~/lib/use-me';

import { TENANT_INTENTS, TenantActions, type TenantIntent } from './tenant-actions';
import { OffboardingLive } from './offboarding-live';
import { can, type Permission } from '@contracts/grants';
import type { OffboardingRunView } from '@contracts/offboarding';
import { ONBOARDING_STEPS } from '@contracts/onboarding-step';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && 'tenant' in data && data.tenant ? data.tenant.name : 'Tenant'} · VoicePlane admin` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const api = createApi(request);
  const url = new URL(request.url);
  const found = await settle(api.tenants.get(params.tenantId));
  if (found.error) {
    // An offboarded tenant's rows are gone; its run record still tells what happened.
    const run = found.error.status === 404 ? await api.tenants.offboarding(params.tenantId!) : null;
    if (run?.ok && run.data) return { gone: true as const, run: run.data };
    throw Response.json(found.error, { status: found.error.status });
  }
  const tenant = found.data;
  const offboarding =
    tenant.status === 'offboarding'
      ? await api.tenants.offboarding(tenant.id).then((r) => (r.ok ? r.data : null))
      : null;
  const [users, bots, usage] = await Promise.all([
    api.tenants.users(tenant.id, { page: pageOf(url, 'usersPage'), pageSize: 10 }),
    api.bots.list({ tenantId: tenant.id, page: pageOf(url, 'botsPage'), pageSize: 10 }),
    settle(api.usage.summary({ range: 'month', groupBy: 'bot', tenantId: tenant.id })),
  ]);
  return { tenant, users, bots, usage, offboarding };
}

const DONE: Record<TenantIntent, string> = {
  verify: 'Email marked as verified: the tenant is active and bots can be added.',
  resend: 'A new verification email is on its way; the earlier link no longer works.',
  deactivate: 'Deactivated: every session of its users has ended and its numbers take no calls.',
  reactivate: 'Reactivated: its users can sign in again.',
  offboard: 'Offboarding started: the tenant’s users are signed out; each step shows below as it runs.',
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export async function action({ request, params }: ActionFunctionArgs) {
  const me = await requireUser(request, 'admin');
  const form = await request.formData();
  const intent = form.get('intent') as TenantIntent;
  if (!TENANT_INTENTS.includes(intent)) return formFailure({ status: 400, detail: 'Unknown action' }, []);
  assertMay(me, PERMISSION_OF[intent], 'change tenants');
  const tenants = createApi(request).tenants;
  const id = params.tenantId!;
  // The slug typed to confirm a delete is checked here too, not only by the disabled button.
  if (intent === 'offboard' && text(form, 'confirmSlug') !== (await tenants.get(id)).slug) {
    return formFailure({ status: 400, detail: 'The slug does not match; nothing was deleted' }, [], intent);
  }
  const result = await {
    verify: () => tenants.verify(id),
    resend: () => tenants.resendVerification(id),
    deactivate: () => tenants.deactivate(id, { reason: text(form, 'reason') }),
    reactivate: () => tenants.reactivate(id),
    offboard: () => tenants.offboard(id),
  }[intent]();
  if (!result.ok) return formFailure(result.problem, ['reason'], intent);
  // Verification is finished by the onboarding workflow; wait briefly so the page reloads showing it active.
  if (intent === 'verify') await untilActive(() => tenants.get(id));
  return { ok: true as const, message: DONE[intent] };
}

const PERMISSION_OF = {
  verify: 'tenants:verify',
  resend: 'tenants:verify',
  deactivate: 'tenants:lifecycle',
  reactivate: 'tenants:lifecycle',
  offboard: 'tenants:offboard',
} as const satisfies Record<TenantIntent, Permission>;

async function untilActive(read: () => Promise<{ status: string }>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && (await read()).status !== 'active') {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const clientAction = freshSessionAction;

export default function TenantRoute() {
  const data = useLoaderData<typeof loader>();
  if ('gone' in data && data.run) return <OffboardedTenant run={data.run} />;
  return <TenantDetail {...data} />;
}

/** What is left of an offboarded tenant: its run, read from the record that outlives the tenant's rows. */
function OffboardedTenant({ run }: { run: OffboardingRunView }) {
  return (
    <>
      <PageHeader
        title="Offboarded tenant"
        description={run.tenantId}
        back={{ to: '/admin/tenants', label: 'Tenants' }}
      />
      <Card>
        <CardBody>
          <OffboardingLive run={run} />
        </CardBody>
      </Card>
    </>
  );
}

function TenantDetail({ tenant, users, bots, usage, offboarding }: Exclude<LoaderData, { gone: true }>) {
  const { user } = useMe();
  const [params] = useSearchParams();
  const stepIndex = (ONBOARDING_STEPS as readonly string[]).indexOf(tenant.onboardingStep);
  return (
    <>
      <PageHeader
        title={tenant.name}
        badge={<TenantStatusBadge status={tenant.status} />}
        description={`${tenant.slug} · created ${formatDate(tenant.createdAt)}`}
        back={{ to: '/admin/tenants', label: 'Tenants' }}
        actions={
          can(user.role, 'bots:manage') && tenant.status === 'active' ? (
            <ButtonLink to={`/admin/bots/new?tenantId=${tenant.id}`}>New bot</ButtonLink>
          ) : null
        }
      />
      {params.get('created') ? (
        <Alert tone="success" className="mb-6" title="Tenant created">
          Onboarding has started; a verification email went to {tenant.contactEmail}.
        </Alert>
      ) : null}

      {can(user.role, 'tenants:lifecycle') || can(user.role, 'tenants:verify') || offboarding ? (
        <Card className="mb-6">
          <CardHeader
            title="Lifecycle"
            description={
              tenant.status === 'pending_verification'
                ? 'Bots can be added once the contact email is verified.'
                : tenant.status === 'suspended'
                  ? 'Deactivated: its users cannot sign in and its numbers take no calls.'
                  : tenant.status === 'offboarding'
                    ? 'Being offboarded: its users cannot sign in, its numbers take no calls, then its data is deleted.'
                    : 'Deactivating signs every user of this tenant out at once and stops its numbers taking calls.'
            }
          />
          <CardBody>{offboarding ? <OffboardingLive run={offboarding} /> : <TenantActions tenant={tenant} />}</CardBody>
        </Card>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Details" />
          <CardBody>
            <DetailList
              items={[
                { label: 'Contact email', value: tenant.contactEmail },
                { label: 'Slug', value: tenant.slug },
                { label: 'Email verified', value: tenant.verifiedAt ? formatDateTime(tenant.verifiedAt) : 'Not yet' },
                { label: 'Tenant id', value: <code className="text-xs">{tenant.id}</code> },
              ]}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Onboarding" description={humanize(tenant.onboardingStep)} />
          <CardBody>
            {stepIndex === -1 ? (
              <Badge tone="red">{humanize(tenant.onboardingStep)}</Badge>
            ) : (
              <ol className="space-y-2" aria-label="Onboarding steps">
                {ONBOARDING_STEPS.map((step, i) => (
                  <li key={step} className="flex items-center gap-2 text-sm">
                    <span
                      aria-hidden="true"
                      className={`h-2.5 w-2.5 rounded-full ${i < stepIndex || (step === 'active' && i === stepIndex) ? 'bg-emerald-500' : i === stepIndex ? 'animate-pulse bg-sky-500' : 'bg-slate-200'}`}
                    />
                    <span className={i <= stepIndex ? 'text-slate-900' : 'text-slate-400'}>
                      {humanize(step)}
                      {i === stepIndex ? <span className="sr-only"> (current)</span> : null}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </CardBody>
        </Card>
      </div>

      <IntegrationHealthPanel tenantId={tenant.id} className="mt-6" />

      {can(user.role, 'tenants:export') ? <TenantExportPanel tenantId={tenant.id} className="mt-6" /> : null}

      <Card className="mt-6">
        <CardHeader title="Bots" description={`${bots.total} in total`} />
        {bots.items.length === 0 ? (
          <EmptyState title="No bots yet">This tenant has no voice bot.</EmptyState>
        ) : (
          <Table label="Bots of this tenant">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Status</Th>
                <Th>Number</Th>
                <Th>Locale</Th>
              </tr>
            </thead>
            <TBody>
              {bots.items.map((bot) => (
                <tr key={bot.id}>
                  <Td>
                    <Link to={`/admin/bots/${bot.id}`} className="font-medium text-indigo-600 hover:underline">
                      {bot.name}
                    </Link>
                  </Td>
                  <Td>
                    <BotStatusBadge status={bot.status} />
                  </Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{bot.phoneNumber ?? '—'}</Td>
                  <Td>{bot.locale}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination page={bots} label="bots" param="botsPage" />
      </Card>

      <Card className="mt-6">
        <CardHeader title="Users" description={`${users.total} in total`} />
        {users.items.length === 0 ? (
          <EmptyState title="No users yet" />
        ) : (
          <Table label="Users of this tenant">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th>Last sign-in</Th>
              </tr>
            </thead>
            <TBody>
              {users.items.map((member) => (
                <tr key={member.id}>
                  <Td>
                    <p className="font-medium text-slate-900">{member.name}</p>
                    <p className="text-xs text-slate-500">{member.email}</p>
                  </Td>
                  <Td>{ROLE_LABELS[member.role]}</Td>
                  <Td>{member.isActive ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(member.lastLoginAt)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination page={users} label="users" param="usersPage" />
      </Card>

      <Card className="mt-6">
        <CardHeader
          title="Usage this month"
          description="Calls by bot"
          actions={
            <ButtonLink to={`/admin/usage?tenantId=${tenant.id}`} variant="secondary" size="sm">
              Open usage
            </ButtonLink>
          }
        />
        {usage.error ? (
          <CardBody>
            <Alert tone="warning">Usage is not available: {usage.error.detail ?? usage.error.title}</Alert>
          </CardBody>
        ) : (
          <>
            {usage.data.series.length ? (
              <CardBody>
                <UsageBarChart summary={usage.data} kind="call_started" />
              </CardBody>
            ) : null}
            <UsageTable summary={usage.data} caption="Usage this month by bot" />
          </>
        )}
      </Card>
    </>
  );
}
