import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { BotStatusBadge } from '~/components/status-badges';
import { Card } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { Pagination } from '~/components/ui/pagination';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi, pageOf } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';
import { LOCALES, labelOf, VOICES } from '~/lib/bot-options';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Bots · VoicePlane' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'app');
  return { bots: await createApi(request).bots.list({ page: pageOf(new URL(request.url)) }) };
}

export default function CustomerBots() {
  const { bots } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Bots" description="Your voice bots and the numbers callers dial." />
      <Card>
        {bots.items.length === 0 ? (
          <EmptyState title="No bots yet">Your VoicePlane contact sets up your first voice bot.</EmptyState>
        ) : (
          <Table label="Bots">
            <thead>
              <tr>
                <Th>Bot</Th>
                <Th>Status</Th>
                <Th>Number</Th>
                <Th>Language</Th>
                <Th>Voice</Th>
              </tr>
            </thead>
            <TBody>
              {bots.items.map((bot) => (
                <tr key={bot.id}>
                  <Td>
                    <Link to={`/app/bots/${bot.id}`} className="font-medium text-indigo-600 hover:underline">
                      {bot.name}
                    </Link>
                  </Td>
                  <Td>
                    <BotStatusBadge status={bot.status} />
                  </Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{bot.phoneNumber ?? '—'}</Td>
                  <Td>{labelOf(LOCALES, bot.locale)}</Td>
                  <Td>{labelOf(VOICES, bot.voice).split(' — ')[0]}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination page={bots} label="bots" />
      </Card>
    </>
  );
}
