import { useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { PriorityBadge, TicketStatusBadge } from '~/components/status-badges';
import { ReplyForm, TicketThread, useTicketUpdate } from '~/components/ticket-thread';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { PageHeader } from '~/components/ui/page-header';
import { createApi } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';
import { formatDateTime } from '~/lib/format';
import { freshSessionAction } from '~/lib/fresh-session';
import { ticketAction } from '~/lib/tickets.server';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.ticket.subject ?? 'Ticket'} · Support` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, 'app');
  return { ticket: await createApi(request).tickets.get(params.ticketId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request, 'app');
  return ticketAction(request, params.ticketId);
}

export const clientAction = freshSessionAction;

export default function CustomerTicket() {
  const { ticket } = useLoaderData<typeof loader>();
  const { fetcher, result, busy } = useTicketUpdate();
  const closed = ticket.status === 'closed';
  return (
    <>
      <PageHeader
        title={ticket.subject}
        badge={
          <>
            <TicketStatusBadge status={ticket.status} />
            <PriorityBadge status={ticket.priority} />
          </>
        }
        description={`Opened ${formatDateTime(ticket.createdAt)}`}
        back={{ to: '/app/support', label: 'Support' }}
        actions={
          closed ? null : (
            <fetcher.Form method="post">
              <input type="hidden" name="intent" value="update" />
              <Button type="submit" name="status" value="closed" variant="secondary" disabled={busy}>
                {busy ? 'Closing…' : 'Close ticket'}
              </Button>
            </fetcher.Form>
          )
        }
      />
      {result && !result.ok ? <Alert className="mb-6">{result.formError}</Alert> : null}
      <div className="max-w-3xl space-y-6">
        <TicketThread ticket={ticket} />
        <ReplyForm disabled={closed} />
      </div>
    </>
  );
}
