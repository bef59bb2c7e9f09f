import { useLoaderData, useSearchParams, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { TicketTable } from '~/components/ticket-table';
import { Alert } from '~/components/ui/alert';
import { ButtonLink } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { Pagination } from '~/components/ui/pagination';
import { createApi, pageOf } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Support · VoicePlane' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'app');
  return { tickets: await createApi(request).tickets.list({ page: pageOf(new URL(request.url)) }) };
}

export default function CustomerTickets() {
  const { tickets } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader
        title="Support"
        description="Questions and problems, answered by the VoicePlane team."
        actions={<ButtonLink to="/app/support/new">New ticket</ButtonLink>}
      />
      {params.get('closed') ? (
        <Alert tone="success" className="mb-6">
          The ticket is closed.
        </Alert>
      ) : null}
      <Card>
        {tickets.items.length === 0 ? (
          <EmptyState title="No tickets yet" action={<ButtonLink to="/app/support/new">Ask a question</ButtonLink>}>
            Something not working, or a question about your bots or invoices? Open a ticket.
          </EmptyState>
        ) : (
          <TicketTable tickets={tickets.items} basePath="/app/support" />
        )}
        <Pagination page={tickets} label="tickets" />
      </Card>
    </>
  );
}
