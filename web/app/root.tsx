import { Links, Meta, Outlet, Scripts, ScrollRestoration, type LinksFunction, type MetaFunction } from 'react-router';
import type { ReactNode } from 'react';

import { BrandFavicon, useBrand, useBrandedDocumentTitle } from '~/components/brand-head';
import { RouteError } from '~/components/route-error';
import stylesheet from '~/tailwind.css?url';

// The favicon is rendered by the layout: a tenant's branding may replace it.
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }];

export const meta: MetaFunction = () => [
  { title: 'VoicePlane' },
  { name: 'description', content: 'Multi-tenant control plane for voice-AI bots' },
];

export function Layout({ children }: { children: ReactNode }) {
  const brand = useBrand();
  useBrandedDocumentTitle(brand);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <BrandFavicon brand={brand} />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteError fullPage />;
}
