import type { ActionFunctionArgs, LoaderFunctionArgs } from 'react-router';

import { createApi, notFound, settle, uuidFilter } from '~/lib/api.server';
import { assertMay, getMe } from '~/lib/auth.server';
import { freshSessionAction } from '~/lib/fresh-session';

/**
 * The "Export data" panel's data and its start button, for both portals: a customer admin's own tenant, a platform
 * admin's `?tenantId=` / `tenantId` field. The panel polls the loader while an export runs.
 */
function tenantOf(me: Awaited<ReturnType<typeof getMe>>, requested: string | null): string {
  const tenantId = me.user.tenantId ?? uuidFilter(requested ?? '');
  if (!tenantId) throw notFound('Name the tenant to export.');
  return tenantId;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await getMe(request);
  assertMay(me, 'tenants:export', 'export the organisation’s data');
  const tenantId = tenantOf(me, new URL(request.url).searchParams.get('tenantId'));
  const list = await settle(createApi(request).tenants.exports(tenantId));
  return { exports: list.data?.items ?? [], problem: list.error };
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await getMe(request);
  assertMay(me, 'tenants:export', 'export the organisation’s data');
  const form = await request.formData();
  const tenantId = tenantOf(me, typeof form.get('tenantId') === 'string' ? String(form.get('tenantId')) : null);
  const result = await createApi(request).tenants.startExport(tenantId);
  return result.ok ? { ok: true as const, problem: null } : { ok: false as const, problem: result.problem };
}

export const clientAction = freshSessionAction;
