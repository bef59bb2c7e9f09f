import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

import { isProblem } from '~/lib/problem';

import { buttonClass } from './ui/button';

const TITLES: Record<number, string> = {
  403: 'You don’t have access to this page',
  404: 'Page not found',
  503: 'The service is unavailable',
};

/** What went wrong, for thrown responses (403, 404, API failures) and unexpected errors alike. */
export function RouteError({ fullPage = false }: { fullPage?: boolean }) {
  const error = useRouteError();
  let status = 500;
  let detail: string | undefined;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    detail = isProblem(error.data) ? error.data.detail : typeof error.data === 'string' ? error.data : undefined;
  } else if (error instanceof Error && import.meta.env.DEV) {
    detail = error.message;
  }
  const title = TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'The request could not be completed');

  const body = (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8" data-testid="route-error">
      <p className="text-sm font-semibold text-indigo-600">{status}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {detail ? <p className="mt-3 text-slate-600">{detail}</p> : null}
      {status >= 500 ? (
        <p className="mt-3 text-sm text-slate-500">Try again in a moment; if it keeps happening, contact support.</p>
      ) : null}
      <div className="mt-6 flex flex-wrap gap-3">
        <Link to="/portal" className={buttonClass('primary')}>
          Go to your portal
        </Link>
        <Link to="/" className={buttonClass('secondary')}>
          System status
        </Link>
      </div>
    </div>
  );
  return fullPage ? (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-4 py-16">{body}</main>
  ) : (
    body
  );
}

/** For leaf routes: errors render inside the portal frame, the navigation stays. */
export function ErrorBoundary() {
  return <RouteError />;
}
