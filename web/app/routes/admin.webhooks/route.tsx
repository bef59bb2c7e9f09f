import {
  useFetcher,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';

import { ActionOutcomeAlert, type ActionOutcome } from '~/components/action-outcome';
import { FilterBar, TenantFilter } from '~/components/filter-bar';
import { WebhookStatusBadge } from '~/components/status-badges';
import { Button } from '~/components/ui/button';
import { TemporalLink } from '~/components/temporal-link';
import { Card } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { FilterChoice } from '~/components/ui/field';
import { PageHeader } from '~/components/ui/page-header';
import { Pagination } from '~/components/ui/pagination';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi, filtersOf, knownFilter, pageOf, tenantNames, uuidFilter } from '~/lib/api.server';
import type { WebhookEventView } from '@contracts/webhooks';
import { requirePermission, requireUser } from '~/lib/auth.server';
import { formFailure, text } from '~/lib/forms.server';
import { formatDateTime, formatDuration, humanize } from '~/lib/format';
import { useMe } from '~/lib/use-me';
import { can } from '@contracts/grants';
import { WEBHOOK_EVENT_STATUSES } from '@contracts/webhook-event-status';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Webhooks · VoicePlane admin' }];

/** Providers whose webhooks go through the inbox (Stripe and ElevenLabs join Twilio, decision 008). */
const PROVIDER_LABELS: Record<string, string> = { twilio: 'Twilio', stripe: 'Stripe', elevenlabs: 'ElevenLabs' };
const PROVIDERS = Object.keys(PROVIDER_LABELS);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  const api = createApi(request);
  const url = new URL(request.url);
  const filters = filtersOf(url, ['provider', 'status', 'tenantId']);
  const [events, tenants] = await Promise.all([
    api.webhooks.list({
      page: pageOf(url),
      provider: knownFilter(filters.provider, PROVIDERS),
      status: knownFilter(filters.status, WEBHOOK_EVENT_STATUSES),
      tenantId: uuidFilter(filters.tenantId),
    }),
    api.tenants.list({ pageSize: 100 }),
  ]);
  const names = await tenantNames(
    api,
    events.items.flatMap((event) => (event.tenantId ? [event.tenantId] : [])),
    tenants.items,
  );
  return { events, tenants: tenants.items, tenantNameById: names, filters };
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'admin', 'webhooks:replay', 'replay webhooks');
  const form = await request.formData();
  const result = await createApi(request).webhooks.replay(text(form, 'eventId'));
  if (!result.ok) return formFailure(result.problem, []);
  return { ok: true as const, message: 'Queued for delivery again.' };
}

export default function Webhooks() {
  const { events, tenants, tenantNameById, filters } = useLoaderData<typeof loader>();
  const { user } = useMe();
  const canReplay = can(user.role, 'webhooks:replay');
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Every inbound provider webhook in the inbox and how its delivery to the workflows went, newest first."
      />
      <Card>
        <FilterBar>
          <FilterChoice
            label="Provider"
            name="provider"
            defaultValue={filters.provider}
            anyLabel="All providers"
            choices={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABELS[p]! }))}
          />
          <FilterChoice
            label="Status"
            name="status"
            defaultValue={filters.status}
            anyLabel="All statuses"
            choices={WEBHOOK_EVENT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
          />
          <TenantFilter tenants={tenants} defaultValue={filters.tenantId} />
        </FilterBar>
        {events.items.length === 0 ? (
          <EmptyState title="No webhooks match these filters" />
        ) : (
          <Table label="Webhooks">
            <thead>
              <tr>
                <Th>Event</Th>
                <Th>Status</Th>
                <Th>Attempts</Th>
                <Th>Last error</Th>
                <Th>Latency</Th>
                <Th>Received</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <TBody>
              {events.items.map((event) => (
                <tr key={event.id} data-event-id={event.id} data-status={event.status}>
                  <Td>
                    <p className="font-medium text-slate-900">
                      {PROVIDER_LABELS[event.provider] ?? humanize(event.provider)}
                    </p>
                    <p className="text-xs text-slate-500">
                      {event.tenantId ? (tenantNameById[event.tenantId] ?? 'tenant') : 'no tenant'}
                    </p>
                    <p className="max-w-[13rem] truncate font-mono text-xs text-slate-500" title={event.dedupeKey}>
                      {event.dedupeKey}
                    </p>
                  </Td>
                  <Td>
                    <WebhookStatusBadge status={event.status} />
                  </Td>
                  <Td className="tabular-nums">{event.attempts}</Td>
                  <Td className="max-w-[11rem]">
                    {event.lastError ? (
                      <p className="truncate text-xs text-rose-700" title={event.lastError}>
                        {event.lastError}
                      </p>
                    ) : (
                      '—'
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {event.latencyMs === null ? '—' : formatDuration(event.latencyMs)}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(event.receivedAt)}</Td>
                  <Td>
                    <div className="flex items-center justify-end gap-3">
                      {event.workflowUrl && <TemporalLink href={event.workflowUrl} />}
                      {canReplay && event.status === 'failed' ? <ReplayButton event={event} /> : null}
                    </div>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination page={events} label="webhooks" />
      </Card>
    </>
  );
}

/** Sends a failed event back to the relay; the list reloads and shows it pending, then delivered. */
function ReplayButton({ event }: { event: WebhookEventView }) {
  const fetcher = useFetcher<ActionOutcome>();
  const busy = fetcher.state !== 'idle';
  return (
    <fetcher.Form method="post" className="flex flex-col items-end gap-1">
      <input type="hidden" name="eventId" value={event.id} />
      <Button type="submit" size="sm" variant="secondary" disabled={busy}>
        {busy ? 'Replaying…' : 'Replay'}
        <span className="sr-only"> {event.dedupeKey}</span>
      </Button>
      {fetcher.data && !fetcher.data.ok ? (
        <ActionOutcomeAlert idle={fetcher.state === 'idle'} outcome={fetcher.data} />
      ) : null}
    </fetcher.Form>
  );
}
