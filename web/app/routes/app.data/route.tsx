import type { LoaderFunctionArgs, MetaFunction } from 'react-router';

import { TenantExportPanel } from '~/components/tenant-export-panel';
import { PageHeader } from '~/components/ui/page-header';
import { requirePermission } from '~/lib/auth.server';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Export data · VoicePlane' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'app', 'tenants:export', 'export your organisation’s data');
  return null;
}

/** The organisation's own data export (GDPR): start one, watch it, download the ZIP while the link is valid. */
export default function DataExport() {
  return (
    <>
      <PageHeader
        title="Export data"
        description="Everything VoicePlane keeps for your organisation, as JSON files in one ZIP. Download links expire."
      />
      <TenantExportPanel className="max-w-3xl" />
    </>
  );
}
