import { Link, useFetcher, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { useEffect, useState } from 'react';

import type { CallLogView } from '@contracts/call-logs';
import { Alert } from '~/components/ui/alert';
import { buttonClass } from '~/components/ui/button';
import { Card, CardHeader } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { createApi, settle } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';
import { callCsvHref, callFiltersOf, callSearch } from '~/lib/call-query';

import { CallFiltersForm } from './call-filters';
import { CallTable } from './call-table';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Calls · VoicePlane' }];

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'app');
  const api = createApi(request);
  const url = new URL(request.url);
  const filters = callFiltersOf(url.searchParams);
  const cursor = url.searchParams.get('cursor') || undefined;
  const [calls, agents] = await Promise.all([
    settle(api.calls.list({ ...filters, cursor, limit: PAGE_SIZE })),
    settle(api.agents.list()),
  ]);
  return {
    filters,
    cursor: cursor ?? null,
    calls,
    agents: (agents.data?.items ?? []).map((agent) => ({ id: agent.id, name: agent.name })),
    csvHref: callCsvHref(filters),
  };
}

export default function Calls() {
  const { filters, cursor, calls, agents, csvHref } = useLoaderData<typeof loader>();
  const more = useFetcher<typeof loader>();
  // Pages loaded with "Load more" below the loader's own; a new filter (new loader data) starts again.
  const [loaded, setLoaded] = useState<{ items: CallLogView[]; nextCursor: string | null; after: string | null }>({
    items: [],
    nextCursor: null,
    after: null,
  });
  useEffect(() => setLoaded({ items: [], nextCursor: null, after: null }), [calls]);
  useEffect(() => {
    const page = more.data?.calls.data;
    if (more.state !== 'idle' || !page || !more.data) return;
    const after = more.data.cursor;
    setLoaded((current) =>
      current.after === after
        ? current
        : { items: [...current.items, ...page.items], nextCursor: page.nextCursor, after },
    );
  }, [more.state, more.data]);

  const items = [...(calls.data?.items ?? []), ...loaded.items];
  const next = loaded.after ? loaded.nextCursor : (calls.data?.nextCursor ?? null);
  const filtered = Object.keys(filters).length > 0;
  const nextHref = next ? `/app/calls?${callSearch(filters, { cursor: next })}` : null;

  return (
    <>
      <PageHeader
        title="Calls"
        description="Conversations of your monitored ElevenLabs agents, newest first."
        actions={
          <a href={csvHref} download className={buttonClass('secondary', 'sm')} data-testid="calls-csv">
            Export CSV
          </a>
        }
      />
      <Card>
        <CardHeader
          title={filtered ? 'Matching calls' : 'All calls'}
          description={cursor ? 'Showing older calls.' : undefined}
          actions={
            cursor ? (
              <Link
                to={`/app/calls?${callSearch(filters)}`}
                className="text-sm font-medium text-indigo-600 hover:underline"
              >
                Back to the newest
              </Link>
            ) : null
          }
        />
        <CallFiltersForm key={callSearch(filters)} filters={filters} agents={agents} />
        {calls.error ? (
          <div className="p-4 sm:p-5">
            <Alert title="These calls cannot be listed">{calls.error.detail ?? calls.error.title}</Alert>
          </div>
        ) : items.length === 0 ? (
          <EmptyState title={filtered ? 'No calls match these filters' : 'No calls yet'}>
            {filtered
              ? 'Widen the dates or clear a filter.'
              : 'Calls appear here once your agents talk to someone and ElevenLabs reports the conversation.'}
          </EmptyState>
        ) : (
          <CallTable calls={items} />
        )}
        {nextHref ? (
          <div className="flex justify-center border-t border-slate-200 px-4 py-3">
            <Link
              to={nextHref}
              onClick={(event) => {
                // With JavaScript the next page joins this one; without, the link opens it.
                event.preventDefault();
                more.load(`/app/calls?index&${callSearch(filters, { cursor: next })}`);
              }}
              className={buttonClass('secondary', 'sm')}
              aria-disabled={more.state !== 'idle'}
            >
              {more.state !== 'idle' ? 'Loading…' : 'Load more'}
            </Link>
          </div>
        ) : null}
      </Card>
    </>
  );
}
