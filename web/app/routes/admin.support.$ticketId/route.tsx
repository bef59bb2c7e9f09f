import { Link, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { PriorityBadge, TicketStatusBadge } from '~/components/status-badges';
import { ReplyForm, TicketThread, useTicketUpdate } from '~/components/ticket-thread';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardBody, CardHeader, DetailList } from '~/components/ui/card';
import { SelectField } from '~/components/ui/field';
import { PageHeader } from '~/components/ui/page-header';
import { createApi } from '~/lib/api.server';
import type { TicketDetail } from '@contracts/support';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '@contracts/support-ticket';
import { requireUser } from '~/lib/auth.server';
import { formatDateTime, humanize } from '~/lib/format';
import { freshSessionAction } from '~/lib/fresh-session';
import { ticketAction } from '~/lib/tickets.server';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.ticket.subject ?? 'Ticket'} · Support inbox` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, 'admin');
  return { ticket: await createApi(request).tickets.get(params.ticketId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request, 'admin');
  return ticketAction(request, params.ticketId);
}

export const clientAction = freshSessionAction;

export default function AdminTicket() {
  const { ticket } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={ticket.subject}
        badge={<TicketStatusBadge status={ticket.status} />}
        description={
          <>
            <Link to={`/admin/tenants/${ticket.tenantId}`} className="font-medium text-indigo-600 hover:underline">
              {ticket.tenantName}
            </Link>{' '}
            · opened {formatDateTime(ticket.createdAt)} by {ticket.authorName ?? 'unknown'}
          </>
        }
        back={{ to: '/admin/support', label: 'Support inbox' }}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <TicketThread ticket={ticket} />
          <ReplyForm disabled={ticket.status === 'closed'} />
        </div>
        <div className="min-w-0 space-y-6">
          <TriageCard ticket={ticket} />
        </div>
      </div>
    </>
  );
}

function TriageCard({ ticket }: { ticket: TicketDetail }) {
  const { fetcher, result, busy } = useTicketUpdate();
  return (
    <Card>
      <CardHeader title="Triage" />
      <CardBody className="space-y-4">
        <DetailList
          items={[
            { label: 'Priority', value: <PriorityBadge status={ticket.priority} /> },
            { label: 'Last activity', value: formatDateTime(ticket.updatedAt) },
          ]}
        />
        <fetcher.Form method="post" className="space-y-4 border-t border-slate-100 pt-4">
          <input type="hidden" name="intent" value="update" />
          {result ? (
            <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? result.message : result.formError}</Alert>
          ) : null}
          <SelectField label="Status" name="status" defaultValue={ticket.status} key={`s-${ticket.status}`}>
            {TICKET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </SelectField>
          <SelectField label="Priority" name="priority" defaultValue={ticket.priority} key={`p-${ticket.priority}`}>
            {TICKET_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {humanize(p)}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" disabled={busy} className="w-full">
            {busy ? 'Saving…' : 'Save'}
          </Button>
        </fetcher.Form>
      </CardBody>
    </Card>
  );
}
