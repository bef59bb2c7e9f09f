import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';

import { AppShell } from '~/components/app-shell';
import { requireUser, sessionExpiresAt } from '~/lib/auth.server';

/** The customer portal's frame: a tenant's own users; platform staff are sent to the admin portal. */
export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, 'app');
  return { me, sessionExpiresAt: sessionExpiresAt(request) };
}

export default function CustomerLayout() {
  const { me, sessionExpiresAt } = useLoaderData<typeof loader>();
  return (
    <AppShell me={me} sessionExpiresAt={sessionExpiresAt}>
      <Outlet />
    </AppShell>
  );
}
