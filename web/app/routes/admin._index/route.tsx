import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { JOB_KIND_LABELS } from '~/components/provisioning-live';
import { JobStatusBadge } from '~/components/status-badges';
import { ButtonLink } from '~/components/ui/button';
import { Card, CardHeader } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { StatCard } from '~/components/ui/stat-card';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi, settle } from '~/lib/api.server';
import type { JobView } from '@contracts/jobs';
import { requireUser } from '~/lib/auth.server';
import { formatDateTime, formatNumber } from '~/lib/format';
import { useMe } from '~/lib/use-me';
import { can } from '@contracts/grants';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Overview · VoicePlane admin' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const api = createApi(request);
  const [tenants, bots, failedBots, running, failed, tickets] = await Promise.all([
    api.tenants.list({ pageSize: 1 }),
    api.bots.list({ pageSize: 1 }),
    api.bots.list({ pageSize: 1, status: 'failed' }),
    api.jobs.list({ pageSize: 5, status: 'running' }),
    api.jobs.list({ pageSize: 5, status: 'error' }),
    settle(api.tickets.list({ pageSize: 1, status: 'open' })),
  ]);
  return {
    counts: {
      tenants: tenants.total,
      bots: bots.total,
      failedBots: failedBots.total,
      running: running.total,
      openTickets: tickets.data?.total ?? null,
    },
    running: running.items,
    failed: failed.items,
  };
}

export default function AdminOverview() {
  const { counts, running, failed } = useLoaderData<typeof loader>();
  const { user } = useMe();
  return (
    <>
      <PageHeader
        title="Overview"
        description="Tenants, bots and provisioning across the platform."
        actions={
          can(user.role, 'bots:manage') ? (
            <>
              <ButtonLink to="/admin/tenants/new" variant="secondary">
                New tenant
              </ButtonLink>
              <ButtonLink to="/admin/bots/new">New bot</ButtonLink>
            </>
          ) : null
        }
      />
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <StatCard
          label="Tenants"
          value={formatNumber(counts.tenants)}
          hint={
            <Link to="/admin/tenants" className="text-indigo-600 hover:underline">
              View all
            </Link>
          }
        />
        <StatCard
          label="Bots"
          value={formatNumber(counts.bots)}
          hint={
            <Link to="/admin/bots" className="text-indigo-600 hover:underline">
              View all
            </Link>
          }
        />
        <StatCard
          label="Failed bots"
          value={formatNumber(counts.failedBots)}
          hint={
            <Link to="/admin/bots?status=failed" className="text-indigo-600 hover:underline">
              Review
            </Link>
          }
        />
        <StatCard
          label="Jobs running"
          value={formatNumber(counts.running)}
          hint={
            <Link to="/admin/jobs?status=running" className="text-indigo-600 hover:underline">
              Watch
            </Link>
          }
        />
        <StatCard
          label="Open tickets"
          value={counts.openTickets === null ? '—' : formatNumber(counts.openTickets)}
          hint={
            <Link to="/admin/support" className="text-indigo-600 hover:underline">
              Inbox
            </Link>
          }
        />
      </dl>
      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <JobsCard title="Running now" jobs={running} empty="No provisioning job is running." />
        <JobsCard title="Recent failures" jobs={failed} empty="No failed jobs. Everything provisioned cleanly." />
      </div>
    </>
  );
}

function JobsCard({ title, jobs, empty }: { title: string; jobs: JobView[]; empty: string }) {
  return (
    <Card>
      <CardHeader title={title} />
      {jobs.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        <Table label={title}>
          <thead>
            <tr>
              <Th>Job</Th>
              <Th>Status</Th>
              <Th>Started</Th>
            </tr>
          </thead>
          <TBody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <Td>
                  <Link to={`/admin/bots/${job.botId}`} className="font-medium text-indigo-600 hover:underline">
                    {JOB_KIND_LABELS[job.kind]}
                  </Link>
                  {job.error ? <p className="mt-0.5 line-clamp-2 max-w-xs text-xs text-rose-700">{job.error}</p> : null}
                </Td>
                <Td>
                  <JobStatusBadge status={job.status} />
                </Td>
                <Td className="whitespace-nowrap">{formatDateTime(job.startedAt ?? job.createdAt)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
