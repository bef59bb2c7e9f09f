import { Outlet, useLoaderData, type LoaderFunctionArgs } from 'react-router';

import { AppShell } from '~/components/app-shell';
import { requireUser, sessionExpiresAt } from '~/lib/auth.server';

/** The admin portal's frame: platform staff only (customers get a 403 page, never admin data). */
export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, 'admin');
  return { me, sessionExpiresAt: sessionExpiresAt(request) };
}

export default function AdminLayout() {
  const { me, sessionExpiresAt } = useLoaderData<typeof loader>();
  return (
    <AppShell me={me} sessionExpiresAt={sessionExpiresAt}>
      <Outlet />
    </AppShell>
  );
}
