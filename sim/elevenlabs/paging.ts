/** Where an item sits in a list: a time, then its id to break ties. */
export type SortKey = readonly [number, string];

const compareKeys = (a: SortKey, b: SortKey) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

const encodeCursor = (key: SortKey) => Buffer.from(JSON.stringify(key)).toString('base64url');

function decodeCursor(cursor: string): SortKey | null {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    const valid = Array.isArray(key) && key.length === 2 && Number.isInteger(key[0]) && typeof key[1] === 'string';
    return valid ? (key as unknown as SortKey) : null;
  } catch {
    return null;
  }
}

/**
 * One page of a keyset-paged list, as ElevenLabs pages (`cursor`, `page_size` → `next_cursor`, `has_more`). The
 * cursor is the position of the page's last item, so items added meanwhile neither repeat nor shift a page.
 */
export function keysetPage<T>(
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  options: { cursor?: string; pageSize: number; descending: boolean },
): { page: T[]; nextCursor: string | null; hasMore: boolean } | 'invalid_cursor' {
  const direction = options.descending ? -1 : 1;
  const sorted = [...items].sort((a, b) => direction * compareKeys(keyOf(a), keyOf(b)));
  let rest = sorted;
  if (options.cursor !== undefined) {
    const after = decodeCursor(options.cursor);
    if (!after) return 'invalid_cursor';
    rest = sorted.filter((item) => direction * compareKeys(keyOf(item), after) > 0);
  }
  const page = rest.slice(0, options.pageSize);
  const hasMore = rest.length > page.length;
  const last = page.at(-1);
  return { page, hasMore, nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
