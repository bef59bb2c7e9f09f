import {
  data,
  Link,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';

import { JobSummary, StepList, useLiveJob } from '~/components/provisioning-live';
import { BotStatusBadge } from '~/components/status-badges';
import { Alert } from '~/components/ui/alert';
import { Card, CardBody, CardHeader, DetailList } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { createApi, settle } from '~/lib/api.server';
import { requirePermission, requireUser } from '~/lib/auth.server';
import { LOCALES, labelOf, VOICES } from '~/lib/bot-options';
import { formatDateTime } from '~/lib/format';
import { formFailure } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';
import { useMe } from '~/lib/use-me';

import { BotActions, INTENTS, type Intent } from './bot-actions';
import { can } from '@contracts/grants';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.bot.name ?? 'Bot'} · VoicePlane admin` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const api = createApi(request);
  const bot = await api.bots.get(params.botId);
  const [job, tenant] = await Promise.all([
    settle(api.bots.provisioning(bot.id)),
    settle(api.tenants.get(bot.tenantId)),
  ]);
  return { bot, job: job.data, tenant: tenant.data };
}

const DONE: Record<Intent, string> = {
  retry: 'A new provisioning run has started.',
  cancel: 'Cancelling: whatever the run created is being undone.',
  rotate: 'Rotating the number: a new one is bought before the old one is released.',
  delete: 'Deprovisioning: the number is released and the app deleted.',
};

export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, 'admin', 'bots:manage', 'change bots');
  const intent = (await request.formData()).get('intent') as Intent;
  if (!INTENTS.includes(intent)) return data({ ok: false as const, formError: 'Unknown action', fieldErrors: {} }, 400);
  const bots = createApi(request).bots;
  const id = params.botId!;
  const result = await { retry: bots.retry, cancel: bots.cancel, rotate: bots.rotateNumber, delete: bots.remove }[
    intent
  ](id);
  if (!result.ok) return formFailure(result.problem, [], intent);
  return { ok: true as const, message: DONE[intent] };
}

export const clientAction = freshSessionAction;

export default function BotLive() {
  const { bot, job: loaderJob, tenant } = useLoaderData<typeof loader>();
  const { job, live } = useLiveJob(bot.id, loaderJob);
  const { user } = useMe();
  return (
    <>
      <PageHeader
        title={bot.name}
        badge={
          <span data-testid="bot-status" data-status={bot.status}>
            <BotStatusBadge status={bot.status} />
          </span>
        }
        description={
          tenant ? (
            <>
              Bot of{' '}
              <Link to={`/admin/tenants/${tenant.id}`} className="font-medium text-indigo-600 hover:underline">
                {tenant.name}
              </Link>
            </>
          ) : null
        }
        back={{ to: '/admin/bots', label: 'Bots' }}
        actions={can(user.role, 'bots:manage') ? <BotActions bot={bot} job={job} /> : null}
      />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <div className="border-b border-slate-200 px-4 py-3 sm:px-5">
            {job ? <JobSummary job={job} live={live} /> : <h2 className="text-base font-semibold">Provisioning</h2>}
          </div>
          {job ? (
            <CardBody>
              {job.error ? (
                <Alert
                  tone={job.status === 'canceled' ? 'warning' : 'error'}
                  title={job.status === 'canceled' ? 'The run was cancelled' : 'The run failed'}
                  className="mb-5"
                >
                  <span data-testid="job-error">{job.error}</span>
                </Alert>
              ) : null}
              <StepList job={job} />
            </CardBody>
          ) : (
            <EmptyState title="No provisioning run yet" />
          )}
        </Card>

        <Card>
          <CardHeader title="Bot" />
          <CardBody>
            <DetailList
              items={[
                {
                  label: 'Phone number',
                  value: (
                    <span className="font-mono" data-testid="bot-number">
                      {bot.phoneNumber ?? '—'}
                    </span>
                  ),
                },
                { label: 'Heroku app', value: <span className="break-all font-mono">{bot.herokuAppName ?? '—'}</span> },
                { label: 'Language', value: labelOf(LOCALES, bot.locale) },
                { label: 'Voice', value: labelOf(VOICES, bot.voice) },
                { label: 'Created', value: formatDateTime(bot.createdAt) },
                { label: 'Updated', value: formatDateTime(bot.updatedAt) },
              ]}
              columns={1}
            />
            <div className="mt-4 border-t border-slate-100 pt-4">
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Greeting</p>
              <p className="mt-1 text-sm text-slate-900">“{bot.greeting}”</p>
            </div>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
