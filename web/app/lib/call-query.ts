import { CALL_LOG_STATUSES } from '@contracts/call-status';
import { CALL_OUTCOMES } from '@contracts/conversation';

/**
 * The call history's filters as the page's URL holds them (`?agentId=…&from=…`). Only values the API would take
 * are passed on, so a hand-edited URL shows the unfiltered list rather than an error page.
 */
const CALL_FILTERS = ['agentId', 'from', 'to', 'status', 'outcome', 'minDuration', 'maxDuration', 'q'] as const;
type CallFilterName = (typeof CALL_FILTERS)[number];
export type CallFilters = Partial<Record<CallFilterName, string>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SECONDS = /^\d{1,6}$/;

const VALID: Record<CallFilterName, (value: string) => boolean> = {
  agentId: (value) => UUID.test(value),
  from: (value) => DAY.test(value),
  to: (value) => DAY.test(value),
  status: (value) => (CALL_LOG_STATUSES as readonly string[]).includes(value),
  outcome: (value) => (CALL_OUTCOMES as readonly string[]).includes(value),
  minDuration: (value) => SECONDS.test(value),
  maxDuration: (value) => SECONDS.test(value),
  q: (value) => value.trim().length > 0 && value.length <= 200,
};

export function callFiltersOf(search: URLSearchParams): CallFilters {
  const filters: CallFilters = {};
  for (const name of CALL_FILTERS) {
    const value = search.get(name) ?? '';
    if (value && VALID[name](value)) filters[name] = name === 'q' ? value.trim() : value;
  }
  return filters;
}

/** The filters as a query string (no leading `?`), with extra parameters such as a cursor. */
export function callSearch(filters: CallFilters, extra: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(name, value);
  return params.toString();
}

/** The CSV export of exactly the filtered list. */
export const callCsvHref = (filters: CallFilters): string => {
  const search = callSearch(filters);
  return `/api/call-logs.csv${search ? `?${search}` : ''}`;
};
