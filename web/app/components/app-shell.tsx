import { Form, Link, NavLink, useLocation, useNavigation } from 'react-router';
import { useEffect, useState, type ReactNode } from 'react';

import type { Me } from '@contracts/auth';
import type { PublicBranding } from '@contracts/branding';
import { navFor, ROLE_LABELS } from '~/lib/roles';
import { useSessionKeepAlive } from '~/lib/use-session-keep-alive';

import { Icon } from './icons';
import { isPlatformRole } from '@contracts/roles';

/** The portal frame: a sidebar on wide screens, a menu button on phones, only the links the role may use. */
export function AppShell({
  me,
  sessionExpiresAt,
  brand = null,
  children,
}: {
  me: Me;
  sessionExpiresAt: string | null;
  /** The tenant's white-label title and logo (customer portal); VoicePlane's own without it. */
  brand?: Pick<PublicBranding, 'dashboardTitle' | 'logoUrl'> | null;
  children: ReactNode;
}) {
  useSessionKeepAlive(sessionExpiresAt);
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const staff = isPlatformRole(me.user.role);
  const context = staff ? 'Platform admin' : (me.tenant?.name ?? 'Customer portal');

  return (
    <div className="min-h-screen lg:flex">
      <NavigationProgress />
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>

      {/* Phone / tablet top bar */}
      <div className="sticky top-0 z-30 flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 lg:hidden">
        <Brand context={context} brand={brand} />
        <button
          type="button"
          onClick={() => setMenuOpen((open) => !open)}
          aria-expanded={menuOpen}
          aria-controls="portal-nav-mobile"
          className="rounded-md p-2 text-slate-600 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <span className="sr-only">{menuOpen ? 'Close menu' : 'Open menu'}</span>
          <Icon name={menuOpen ? 'close' : 'menu'} className="h-6 w-6" />
        </button>
      </div>
      {menuOpen ? (
        <div id="portal-nav-mobile" className="border-b border-slate-200 bg-white px-3 pb-4 pt-2 shadow-sm lg:hidden">
          <NavLinks me={me} />
          <UserBox me={me} />
        </div>
      ) : null}

      {/* Desktop sidebar: the column spans the page, its content stays in view. */}
      <aside className="hidden lg:block lg:w-64 lg:shrink-0 lg:border-r lg:border-slate-200 lg:bg-white">
        <div className="sticky top-0 flex h-screen flex-col">
          <div className="px-5 py-5">
            <Brand context={context} brand={brand} />
          </div>
          <div className="flex-1 overflow-y-auto px-3">
            <NavLinks me={me} />
          </div>
          <div className="border-t border-slate-200 px-3 py-4">
            <UserBox me={me} />
          </div>
        </div>
      </aside>

      <main id="main" className="min-w-0 flex-1">
        <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">{children}</div>
      </main>
    </div>
  );
}

function Brand({
  context,
  brand,
}: {
  context: string;
  brand: Pick<PublicBranding, 'dashboardTitle' | 'logoUrl'> | null;
}) {
  return (
    <Link to="/" className="flex min-w-0 items-center gap-2.5">
      <img src={brand?.logoUrl ?? '/favicon.svg'} alt="" className="h-8 max-w-[6rem] shrink-0 object-contain" />
      <span className="min-w-0">
        <span
          className="block truncate text-base font-semibold leading-tight tracking-tight text-slate-900"
          data-testid="brand-title"
        >
          {brand?.dashboardTitle ?? 'VoicePlane'}
        </span>
        <span className="block truncate text-xs text-slate-500">{context}</span>
      </span>
    </Link>
  );
}

function NavLinks({ me }: { me: Me }) {
  return (
    <nav aria-label="Portal">
      <ul className="space-y-1">
        {navFor(me.user.role).map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              prefetch="intent"
              className={({ isActive }) =>
                `flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
                  isActive
                    ? 'bg-[var(--brand-primary-soft,#eef2ff)] text-[var(--brand-primary-strong,#4338ca)]'
                    : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'
                }`
              }
            >
              <Icon name={item.icon} className="h-5 w-5 shrink-0 opacity-80" />
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function UserBox({ me }: { me: Me }) {
  return (
    <div className="mt-3 flex items-center justify-between gap-3 rounded-md px-3 py-2">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium text-slate-900" data-testid="current-user">
          {me.user.name}
        </p>
        <p className="truncate text-xs text-slate-500">
          {me.user.email} · {ROLE_LABELS[me.user.role]}
        </p>
      </div>
      <Form method="post" action="/logout">
        <button
          type="submit"
          className="rounded-md p-2 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <span className="sr-only">Sign out</span>
          <Icon name="logout" />
        </button>
      </Form>
    </div>
  );
}

/** A thin bar at the top while a page loads or a form submits. */
function NavigationProgress() {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  return (
    <div
      role="progressbar"
      aria-hidden={!busy}
      aria-label="Loading"
      className={`fixed inset-x-0 top-0 z-50 h-0.5 origin-left bg-indigo-500 transition-all duration-500 ${
        busy ? 'scale-x-75 opacity-100' : 'scale-x-0 opacity-0'
      }`}
    />
  );
}
