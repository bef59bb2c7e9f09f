import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { FilterBar, TenantFilter } from '~/components/filter-bar';
import { JOB_KIND_LABELS } from '~/components/provisioning-live';
import { JobStatusBadge } from '~/components/status-badges';
import { TemporalLink } from '~/components/temporal-link';
import { Card } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { FilterChoice } from '~/components/ui/field';
import { PageHeader } from '~/components/ui/page-header';
import { Pagination } from '~/components/ui/pagination';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi, filtersOf, knownFilter, pageOf, settle, tenantNames, uuidFilter } from '~/lib/api.server';
import type { JobView } from '@contracts/jobs';
import { requireUser } from '~/lib/auth.server';
import { formatDateTime, formatDuration, humanize } from '~/lib/format';
import { JOB_KINDS, JOB_STATUSES } from '@contracts/provisioning-job';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Provisioning jobs · VoicePlane admin' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const api = createApi(request);
  const url = new URL(request.url);
  const filters = filtersOf(url, ['status', 'kind', 'tenantId']);
  const [jobs, tenants] = await Promise.all([
    api.jobs.list({
      page: pageOf(url),
      status: knownFilter(filters.status, JOB_STATUSES),
      kind: knownFilter(filters.kind, JOB_KINDS),
      tenantId: uuidFilter(filters.tenantId),
    }),
    api.tenants.list({ pageSize: 100 }),
  ]);
  const botIds = [...new Set(jobs.items.map((job) => job.botId))];
  const bots = await Promise.all(botIds.map((id) => settle(api.bots.get(id))));
  const botNames = Object.fromEntries(bots.flatMap((b) => (b.data ? [[b.data.id, b.data.name]] : [])));
  const names = await tenantNames(
    api,
    jobs.items.map((job) => job.tenantId),
    tenants.items,
  );
  return { jobs, tenants: tenants.items, botNames, tenantNameById: names, filters };
}

/** The step a job is on, or the one it failed at. */
function currentStep(job: JobView): string | null {
  const step =
    job.steps.find((s) => s.status === 'failed') ??
    job.steps.find((s) => s.status === 'running' || s.status === 'retrying');
  return step
    ? `${step.label} (${humanize(step.status)}${step.attempts > 1 ? `, ${step.attempts} attempts` : ''})`
    : null;
}

export default function Jobs() {
  const { jobs, tenants, botNames, tenantNameById, filters } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Provisioning jobs"
        description="Every provisioning, number rotation and deprovisioning run, newest first."
      />
      <Card>
        <FilterBar>
          <FilterChoice
            label="Status"
            name="status"
            defaultValue={filters.status}
            anyLabel="All statuses"
            choices={JOB_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
          />
          <FilterChoice
            label="Kind"
            name="kind"
            defaultValue={filters.kind}
            anyLabel="All kinds"
            choices={JOB_KINDS.map((k) => ({ value: k, label: JOB_KIND_LABELS[k] }))}
          />
          <TenantFilter tenants={tenants} defaultValue={filters.tenantId} />
        </FilterBar>
        {jobs.items.length === 0 ? (
          <EmptyState title="No jobs match these filters" />
        ) : (
          <Table label="Provisioning jobs">
            <thead>
              <tr>
                <Th>Job</Th>
                <Th>Status</Th>
                <Th>Step / error</Th>
                <Th>Started</Th>
                <Th>Duration</Th>
                <Th>
                  <span className="sr-only">Temporal</span>
                </Th>
              </tr>
            </thead>
            <TBody>
              {jobs.items.map((job) => {
                const step = currentStep(job);
                const started = job.startedAt ?? job.createdAt;
                return (
                  <tr key={job.id}>
                    <Td>
                      <Link to={`/admin/bots/${job.botId}`} className="font-medium text-indigo-600 hover:underline">
                        {botNames[job.botId] ?? 'Bot'}
                      </Link>
                      <p className="text-xs text-slate-500">
                        {JOB_KIND_LABELS[job.kind]} · {tenantNameById[job.tenantId] ?? 'tenant'}
                      </p>
                    </Td>
                    <Td>
                      <JobStatusBadge status={job.status} />
                    </Td>
                    <Td className="max-w-sm">
                      {step ? <p className="text-xs text-slate-700">{step}</p> : null}
                      {job.error ? <p className="line-clamp-2 text-xs text-rose-700">{job.error}</p> : null}
                      {!step && !job.error ? '—' : null}
                    </Td>
                    <Td className="whitespace-nowrap">{formatDateTime(started)}</Td>
                    <Td className="whitespace-nowrap">
                      {job.finishedAt ? formatDuration(Date.parse(job.finishedAt) - Date.parse(started)) : '—'}
                    </Td>
                    <Td>{job.workflowUrl && <TemporalLink href={job.workflowUrl} />}</Td>
                  </tr>
                );
              })}
            </TBody>
          </Table>
        )}
        <Pagination page={jobs} label="jobs" />
      </Card>
    </>
  );
}
