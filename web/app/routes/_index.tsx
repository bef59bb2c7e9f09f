import {
  Link,
  useLoaderData,
  useRevalidator,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';
import type { ReactNode } from 'react';

import { StatusBadge } from '~/components/StatusBadge';
import { CSRF_COOKIE, readCookie } from '~/lib/cookies';
import { temporalUiUrl } from '~/lib/env.server';
import type { ComponentStatus, HealthReport } from '~/lib/health';
import { getHealth } from '~/lib/health.server';

export const meta: MetaFunction = () => [{ title: 'VoicePlane · Status' }];

// Status must always be fresh.
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ request }: LoaderFunctionArgs) {
  const health = await getHealth();
  // The CSRF cookie lives as long as the session: enough to offer "Open portal" instead of "Sign in".
  const signedIn = readCookie(request.headers.get('cookie'), CSRF_COOKIE) !== undefined;
  return { health, temporalUiUrl: temporalUiUrl(), signedIn };
}

export default function Index() {
  const { health, temporalUiUrl, signedIn } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const refreshing = revalidator.state === 'loading';

  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4 sm:px-6">
          <Link to="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <img src="/favicon.svg" alt="" className="h-7 w-7" />
            VoicePlane
          </Link>
          <nav aria-label="Main" className="flex flex-wrap items-center gap-2 text-sm">
            {/* Served by the API (proxied), not a Remix route: plain links, full page load. */}
            <a href="/docs" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
              API docs
            </a>
            <a
              href={temporalUiUrl}
              target="_blank"
              rel="noreferrer"
              className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100"
            >
              Temporal UI<span className="sr-only"> (opens in a new tab)</span>
            </a>
            <Link
              to={signedIn ? '/portal' : '/login'}
              className="rounded-md bg-indigo-600 px-3 py-2 font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              {signedIn ? 'Open portal' : 'Sign in'}
            </Link>
          </nav>
        </div>
      </header>

      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 sm:px-6">
        <section aria-labelledby="intro-heading">
          <h1 id="intro-heading" className="text-3xl font-bold tracking-tight sm:text-4xl">
            VoicePlane
          </h1>
          <p className="mt-2 max-w-2xl text-slate-600">
            Multi-tenant control plane for voice-AI bots: tenants, bots, phone numbers and call workflows.
          </p>
        </section>

        <section aria-labelledby="status-heading" className="mt-10">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex items-center gap-3">
              <h2 id="status-heading" className="text-lg font-semibold">
                System status
              </h2>
              {health.reachable ? (
                <StatusBadge state={health.overall} />
              ) : (
                <StatusBadge state="down" label="Unreachable" />
              )}
            </div>
            <button
              type="button"
              onClick={() => revalidator.revalidate()}
              disabled={refreshing}
              className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60"
            >
              {refreshing ? 'Refreshing…' : 'Refresh'}
            </button>
          </div>

          <div aria-live="polite" className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <ApiCard health={health} />
            {health.components.map((component) => (
              <ComponentCard key={component.key} component={component} />
            ))}
          </div>

          <p className="mt-4 text-xs text-slate-500">
            Checked at <time dateTime={health.checkedAt}>{health.checkedAt.replace('T', ' ').slice(0, 19)} UTC</time>
          </p>
        </section>
      </main>

      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-5xl px-4 py-4 text-xs text-slate-500 sm:px-6">VoicePlane control plane</div>
      </footer>
    </div>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 className="text-sm font-medium text-slate-500">{title}</h3>
      <div className="mt-2 space-y-1">{children}</div>
    </article>
  );
}

function ApiCard({ health }: { health: HealthReport }) {
  if (!health.reachable) {
    return (
      <Card title="API">
        <StatusBadge state="down" label="API unreachable" />
        <p className="text-sm text-slate-600">{health.reason}</p>
      </Card>
    );
  }
  return (
    <Card title="API">
      <StatusBadge
        state={health.httpStatus < 500 ? 'ok' : 'degraded'}
        label={health.httpStatus < 500 ? 'Reachable' : `HTTP ${health.httpStatus}`}
      />
      {health.version ? <p className="text-sm text-slate-600">Version {health.version}</p> : null}
    </Card>
  );
}

function ComponentCard({ component }: { component: ComponentStatus }) {
  return (
    <Card title={component.label}>
      <StatusBadge state={component.state} />
      {component.detail ? <p className="break-words text-sm text-slate-600">{component.detail}</p> : null}
    </Card>
  );
}
