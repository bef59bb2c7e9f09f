import { Link, useLocation } from 'react-router';

import type { Page } from '@contracts/page';
import { formatNumber } from '~/lib/format';

/** "Showing 21–40 of 57" with previous/next links that keep the page's other filters. */
export function Pagination({
  page,
  label = 'items',
  param = 'page',
}: {
  page: Page<unknown>;
  label?: string;
  /** The query parameter, when a page has more than one list. */
  param?: string;
}) {
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (page.total === 0) return null;
  const first = (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, first + page.items.length - 1);
  const hrefFor = (n: number) => {
    const params = new URLSearchParams(location.search);
    if (n === 1) params.delete(param);
    else params.set(param, String(n));
    const search = params.toString();
    return search ? `?${search}` : location.pathname;
  };
  const linkClass =
    'rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50';
  const disabledClass = 'rounded-md px-3 py-1.5 text-sm font-medium text-slate-300 ring-1 ring-inset ring-slate-200';
  return (
    <nav
      aria-label={`Pagination of ${label}`}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm sm:px-5"
    >
      <p className="text-slate-600">
        Showing <span className="font-medium">{formatNumber(first)}</span>–
        <span className="font-medium">{formatNumber(last)}</span> of{' '}
        <span className="font-medium">{formatNumber(page.total)}</span> {label}
      </p>
      <div className="flex items-center gap-2">
        {page.page > 1 ? (
          <Link to={hrefFor(page.page - 1)} className={linkClass} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            Previous
          </span>
        )}
        <span className="text-slate-500">
          Page {page.page} of {pages}
        </span>
        {page.page < pages ? (
          <Link to={hrefFor(page.page + 1)} className={linkClass} rel="next">
            Next
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
