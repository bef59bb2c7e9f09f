import type { LoaderFunctionArgs } from 'react-router';

import { createApi, settle, uuidFilter } from '~/lib/api.server';
import { assertMay, getMe } from '~/lib/auth.server';

/**
 * The integration health panel's data, for both portals (`?tenantId=` for staff). Loaded by the panel after the
 * page is shown, so a slow provider check never holds the page itself.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const me = await getMe(request);
  assertMay(me, 'integrations:health', 'see the integrations’ health');
  const tenantId = uuidFilter(new URL(request.url).searchParams.get('tenantId') ?? '');
  const health = await settle(createApi(request).integrations.health(tenantId));
  return { report: health.data, problem: health.error, checkedAt: new Date().toISOString() };
}
