import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';

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
import { can } from '@contracts/grants';
import { ONBOARDING_STEPS } from '@contracts/onboarding-step';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.tenant.name ?? 'Tenant'} · VoicePlane admin` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const api = createApi(request);
  const url = new URL(request.url);
  const tenant = await api.tenants.get(params.tenantId);
  const [users, bots, usage] = await Promise.all([
    api.tenants.users(tenant.id, { page: pageOf(url, 'usersPage'), pageSize: 10 }),
    api.bots.list({ tenantId: tenant.id, page: pageOf(url, 'botsPage'), pageSize: 10 }),
    settle(api.usage.summary({ range: 'month', groupBy: 'bot', tenantId: tenant.id })),
  ]);
  return { tenant, users, bots, usage };
}

const DONE: Record<TenantIntent, string> = {
  verify: 'Email marked as verified: the tenant is active and bots can be added.',
  resend: 'A new verification email is on its way; the earlier link no longer works.',
  deactivate: 'Deactivated: every session of its users has ended and its numbers take no calls.',
  reactivate: 'Reactivated: its users can sign in again.',
};

export async function action({ request, params }: ActionFunctionArgs) {
  const me = await requireUser(request, 'admin');
  const form = await request.formData();
  const intent = form.get('intent') as TenantIntent;
  if (!TENANT_INTENTS.includes(intent)) return formFailure({ status: 400, detail: 'Unknown action' }, []);
  assertMay(me, intent === 'verify' || intent === 'resend' ? 'tenants:verify' : 'tenants:lifecycle', 'change tenants');
  const tenants = createApi(request).tenants;
  const id = params.tenantId!;
  const result = await {
    verify: () => tenants.verify(id),
    resend: () => tenants.resendVerification(id),
    deactivate: () => tenants.deactivate(id, { reason: text(form, 'reason') }),
    reactivate: () => tenants.reactivate(id),
  }[intent]();
  if (!result.ok) return formFailure(result.problem, ['reason'], intent);
  // Verification is finished by the onboarding workflow; wait briefly so the page reloads showing it active.
  if (intent === 'verify') await untilActive(() => tenants.get(id));
  return { ok: true as const, message: DONE[intent] };
}

async function untilActive(read: () => Promise<{ status: string }>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && (await read()).status !== 'active') {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const clientAction = freshSessionAction;

export default function TenantDetail() {
  const { tenant, users, bots, usage } = useLoaderData<typeof loader>();
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

      {can(user.role, 'tenants:lifecycle') || can(user.role, 'tenants:verify') ? (
        <Card className="mb-6">
          <CardHeader
            title="Lifecycle"
            description={
              tenant.status === 'pending_verification'
                ? 'Bots can be added once the contact email is verified.'
                : tenant.status === 'suspended'
                  ? 'Deactivated: its users cannot sign in and its numbers take no calls.'
                  : 'Deactivating signs every user of this tenant out at once and stops its numbers taking calls.'
            }
          />
          <CardBody>
            <TenantActions tenant={tenant} />
          </CardBody>
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
