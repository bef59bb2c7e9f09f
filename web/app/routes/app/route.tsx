import { Outlet, useLoaderData, type LoaderFunctionArgs } from 'react-router';

import type { BrandingView, PublicBranding } from '@contracts/branding';
import { AppShell } from '~/components/app-shell';
import { createApi, settle } from '~/lib/api.server';
import { requireUser, sessionExpiresAt } from '~/lib/auth.server';
import { brandStyle } from '~/lib/brand-theme';

const brandOf = (view: BrandingView | null): PublicBranding | null =>
  view
    ? {
        dashboardTitle: view.dashboardTitle,
        primaryColor: view.primaryColor,
        logoUrl: view.logo?.url ?? null,
        faviconUrl: view.favicon?.url ?? null,
      }
    : null;

/**
 * The customer portal's frame: a tenant's own users; platform staff are sent to the admin portal. It wears the
 * tenant's branding (title, logo, colour, favicon); a branding that cannot be read leaves VoicePlane's look.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, 'app');
  const branding = await settle(createApi(request).branding.get());
  return { me, sessionExpiresAt: sessionExpiresAt(request), brand: brandOf(branding.data) };
}

export default function CustomerLayout() {
  const { me, sessionExpiresAt, brand } = useLoaderData<typeof loader>();
  return (
    <div data-testid="brand-root" style={brandStyle(brand?.primaryColor)}>
      <AppShell me={me} sessionExpiresAt={sessionExpiresAt} brand={brand}>
        <Outlet />
      </AppShell>
    </div>
  );
}
