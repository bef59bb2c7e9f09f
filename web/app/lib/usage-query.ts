/** The usage page's query: a named range, or custom dates (YYYY-MM-DD), validated before it reaches the API. */
export interface UsageQuery {
  range: 'day' | 'week' | 'month' | 'custom';
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function usageQueryOf(url: URL): UsageQuery {
  const range = url.searchParams.get('range');
  const from = url.searchParams.get('from') ?? '';
  const to = url.searchParams.get('to') ?? '';
  if (range === 'custom' && DATE.test(from) && DATE.test(to)) return { range, from, to };
  if (range === 'day' || range === 'week') return { range, from: '', to: '' };
  return { range: 'month', from: '', to: '' };
}

/** The range part of /api/usage/summary's query (custom days are inclusive UTC dates). */
export function apiRange(query: UsageQuery): { range: string; from?: string; to?: string } {
  return query.range === 'custom' ? { range: 'custom', from: query.from, to: query.to } : { range: query.range };
}
