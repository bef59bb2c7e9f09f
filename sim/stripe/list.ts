import { invalid } from './errors';
import type { Form } from './form';
import { integer, text } from './params';

/**
 * Stripe's list envelope over items already sorted newest first, with `limit` (1–100, default 10) and the
 * `starting_after` / `ending_before` cursors the SDK's auto-pagination sends.
 */
export function listOf<T extends { id: string }>(items: T[], query: Form, url: string) {
  const limit = integer(query, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw invalid('Invalid limit: must be between 1 and 100', undefined, 'limit');
  const cursor = (name: string) => {
    const id = text(query, name);
    if (id === undefined) return undefined;
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) throw invalid(`No such object: '${id}'`, 'resource_missing', name);
    return index;
  };
  const after = cursor('starting_after');
  const before = cursor('ending_before');
  let start = 0;
  if (after !== undefined) start = after + 1;
  else if (before !== undefined) start = Math.max(0, before - limit);
  const end = before !== undefined && after === undefined ? before : start + limit;
  const data = items.slice(start, end);
  const hasMore = before !== undefined && after === undefined ? start > 0 : end < items.length;
  return { object: 'list' as const, data, has_more: hasMore, url };
}

/** Values of a map, newest first (insertion order is creation order). */
export const newestFirst = <T>(map: Map<string, T>): T[] => [...map.values()].reverse();
