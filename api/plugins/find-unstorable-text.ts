import type { FieldError } from '../../contracts/problem';

/** Deeper than any request schema nests; a body beyond it is refused rather than walked. */
export const MAX_DEPTH = 32;

const NUL = '\u0000';
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const EVERY_UNPAIRED_SURROGATE = new RegExp(UNPAIRED_SURROGATE, 'g');

/** Why PostgreSQL would refuse this text, or null when it can be stored. */
function textProblem(text: string): string | null {
  if (text.includes(NUL)) return 'must not contain the NUL character (U+0000)';
  if (UNPAIRED_SURROGATE.test(text)) return 'must be valid Unicode (an unpaired surrogate is not)';
  return null;
}

/** A key as it may appear in an error path: the offending characters spelled out, so the answer stays valid text. */
const printable = (key: string) =>
  key.replaceAll(NUL, '\\u0000').replace(EVERY_UNPAIRED_SURROGATE, (char) => `\\u${char.charCodeAt(0).toString(16)}`);

/**
 * The first string (value or object key) in `value` that PostgreSQL cannot store as text, or nesting deeper than
 * MAX_DEPTH, as a field error whose path starts at `root` (`body`, `querystring`, `params`). Walks without
 * recursion, so a hostile 100,000-level body cannot overflow the stack.
 */
export function findUnstorableText(value: unknown, root: string): FieldError | null {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [root] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      const message = textProblem(current);
      if (message) return { path: path.join('.'), message };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length > MAX_DEPTH) return { path: path.join('.'), message: `is nested deeper than ${MAX_DEPTH} levels` };
    for (const [key, child] of Object.entries(current)) {
      const keyMessage = textProblem(key);
      if (keyMessage) return { path: [...path, printable(key)].join('.'), message: `has a key that ${keyMessage}` };
      pending.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
