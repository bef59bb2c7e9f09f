import {
  redirect,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';

import { FilterBar } from '~/components/filter-bar';
import { TemporalLink } from '~/components/temporal-link';
import { Alert } from '~/components/ui/alert';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { FilterChoice } from '~/components/ui/field';
import { Pagination } from '~/components/ui/pagination';
import { Spinner } from '~/components/ui/spinner';
import { StatCard } from '~/components/ui/stat-card';
import { createApi, knownFilter, pageOf } from '~/lib/api.server';
import { requirePermission, requireUser } from '~/lib/auth.server';
import { freshSessionAction } from '~/lib/fresh-session';
import { formatDateTime, formatNumber } from '~/lib/format';
import { formFailure, text } from '~/lib/forms.server';
import { useLiveRefresh } from '~/lib/use-live-refresh';
import { useMe } from '~/lib/use-me';
import type { InvoiceRunStartView } from '@contracts/billing-admin';
import { can } from '@contracts/grants';
import { INVOICE_RUN_STATUSES } from '@contracts/invoice-run-status';

import { formatAmounts, formatPeriod, lastEndedPeriod, periodParam } from '../admin.billing/billing-format';
import { RUN_STATUS_LABELS } from '../admin.billing/run-status-badge';
import { BilledChart } from './billed-chart';
import { PeriodTable } from './period-table';
import { RunNowForm } from './run-now-form';
import { TenantRunTable } from './tenant-run-table';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Invoice runs · Billing · VoicePlane admin' }];

/** Periods on one page of the period list (and in the chart). */
const PERIODS_SHOWN = 12;

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, 'admin');
  const api = createApi(request);
  const url = new URL(request.url);
  const periods = await api.billingAdmin.runs({ page: pageOf(url, 'periodsPage'), pageSize: PERIODS_SHOWN });
  const period = periodParam(url.searchParams.get('period')) ?? periods.items[0]?.period ?? lastEndedPeriod();
  const status = knownFilter(url.searchParams.get('status') ?? '', INVOICE_RUN_STATUSES);
  const mayRun = can(me.user.role, 'invoices:run');
  const [detail, tenants] = await Promise.all([
    api.billingAdmin.run({ period, status, page: pageOf(url) }),
    mayRun ? api.tenants.list({ pageSize: 100 }) : null,
  ]);
  return {
    periods,
    detail,
    status: status ?? '',
    tenants: tenants?.items.map(({ id, name }) => ({ id, name })) ?? [],
    started: url.searchParams.get('started'),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'admin', 'invoices:run', 'start invoice runs');
  const form = await request.formData();
  const period = text(form, 'period');
  const tenantId = text(form, 'tenantId');
  const result = await createApi(request).billingAdmin.startRun({ period, ...(tenantId ? { tenantId } : {}) });
  if (!result.ok) return formFailure(result.problem, ['period', 'tenantId']);
  const shown = new URLSearchParams({ period: result.data.period, started: result.data.workflowId });
  return redirect(`/admin/billing?${shown}`);
}

export const clientAction = freshSessionAction;

export default function InvoiceRuns() {
  const { periods, detail, status, tenants, started } = useLoaderData<typeof loader>();
  const { user } = useMe();
  useLiveRefresh(detail.refreshing);
  const justStarted = started ? detail.starts.find((start) => start.workflowId === started) : undefined;
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Billed per period" description="Finalized invoices, paid and still open." />
          <div className="px-2 py-4 sm:px-4">
            <BilledChart periods={periods.items} />
          </div>
        </Card>
        {can(user.role, 'invoices:run') ? (
          <Card>
            <CardHeader
              title="Run now"
              description="Bill a month that has ended; tenants it already billed are left alone."
            />
            <CardBody>
              <RunNowForm tenants={tenants} />
            </CardBody>
          </Card>
        ) : null}
      </div>

      {justStarted ? (
        <Alert tone="success" title={`Run started for ${formatPeriod(detail.period)}`}>
          <span className="font-mono text-xs">{justStarted.workflowId}</span>{' '}
          <TemporalLink href={justStarted.workflowUrl} />
        </Alert>
      ) : null}

      <Card>
        <CardHeader title="Periods" description="Every month with invoices or a run started by hand, newest first." />
        {periods.items.length === 0 ? (
          <EmptyState title="No invoice runs yet">The monthly schedule bills each month after it ends.</EmptyState>
        ) : (
          <PeriodTable periods={periods.items} selected={detail.period} />
        )}
        <Pagination page={periods} label="periods" param="periodsPage" />
      </Card>

      <Card>
        <CardHeader
          id="period-runs"
          title={`${formatPeriod(detail.period)}: runs per tenant`}
          description="Tenants with an invoice of the period, and those a run would bill."
          actions={
            detail.refreshing ? (
              <span className="inline-flex items-center gap-2 text-sm text-slate-600" data-testid="runs-live">
                <Spinner className="h-4 w-4" /> Updating live
              </span>
            ) : null
          }
        />
        <CardBody>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            {INVOICE_RUN_STATUSES.map((runStatus) => (
              <StatCard
                key={runStatus}
                label={RUN_STATUS_LABELS[runStatus]}
                value={formatNumber(detail.counts[runStatus])}
              />
            ))}
            <StatCard label="Billed" value={formatAmounts(detail.billed)} hint={`Paid ${formatAmounts(detail.paid)}`} />
          </dl>
        </CardBody>
        <FilterBar>
          <input type="hidden" name="period" value={detail.period} />
          <FilterChoice
            label="Run status"
            name="status"
            defaultValue={status}
            anyLabel="All statuses"
            choices={INVOICE_RUN_STATUSES.map((value) => ({ value, label: RUN_STATUS_LABELS[value] }))}
          />
        </FilterBar>
        {detail.items.length === 0 ? (
          <EmptyState title="No tenant runs match">Nobody is billable for this period with this status.</EmptyState>
        ) : (
          <TenantRunTable runs={detail.items} />
        )}
        <Pagination page={detail} label="tenants" />
        {detail.starts.length > 0 ? <RunStarts starts={detail.starts} /> : null}
      </Card>
    </div>
  );
}

/** The runs of the period operators started by hand, with the workflow each one is. */
function RunStarts({ starts }: { starts: InvoiceRunStartView[] }) {
  return (
    <div className="border-t border-slate-200 px-4 py-4 sm:px-5">
      <h3 className="text-sm font-semibold text-slate-900">Started by hand</h3>
      <ul className="mt-2 divide-y divide-slate-100 text-sm">
        {starts.map((start) => (
          <li key={`${start.workflowId}-${start.startedAt}`} className="flex flex-wrap items-center gap-x-3 py-2">
            <span className="whitespace-nowrap text-slate-500">{formatDateTime(start.startedAt)}</span>
            <span className="text-slate-900">{start.tenantName ?? 'Every billable tenant'}</span>
            <span className="text-slate-500">by {start.startedBy ?? 'a former user'}</span>
            <span className="min-w-0 truncate font-mono text-xs text-slate-500">{start.workflowId}</span>
            <TemporalLink href={start.workflowUrl} />
          </li>
        ))}
      </ul>
    </div>
  );
}
