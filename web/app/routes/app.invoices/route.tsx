import { useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { InvoiceTable } from '~/components/invoice-table';
import { Card } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { Pagination } from '~/components/ui/pagination';
import { createApi, pageOf } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Invoices · VoicePlane' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'app');
  return { invoices: await createApi(request).invoices.list({ page: pageOf(new URL(request.url)) }) };
}

export default function Invoices() {
  const { invoices } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Invoices"
        description="One invoice per billing period; open the hosted invoice to pay or download it."
      />
      <Card>
        {invoices.items.length === 0 ? (
          <EmptyState title="No invoices yet">Your first invoice appears after your first billing period.</EmptyState>
        ) : (
          <InvoiceTable invoices={invoices.items} />
        )}
        <Pagination page={invoices} label="invoices" />
      </Card>
    </>
  );
}
