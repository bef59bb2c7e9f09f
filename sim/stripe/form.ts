/** A form body or query as Stripe reads it: `a[b]=c` nests, `lines[0][price]=…` makes arrays. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type Form = { [key: string]: FormValue };

// Keys that would reach Object.prototype through a nested assignment.
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses `application/x-www-form-urlencoded` text the way the Stripe SDKs encode nested parameters. */
export function parseStripeForm(text: string): Form {
  const root: Form = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (!match) continue;
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    if (path.some((segment) => UNSAFE.has(segment))) continue;
    assign(root, path, value);
  }
  return toArrays(root) as Form;
}

function assign(node: Form, path: string[], value: string): void {
  let current = node;
  path.forEach((segment, index) => {
    // `a[]=x` appends, as the SDKs write arrays of scalars in some versions.
    const key = segment === '' ? String(Object.keys(current).length) : segment;
    if (index === path.length - 1) {
      current[key] = value;
      return;
    }
    const next = current[key];
    current = typeof next === 'object' && !Array.isArray(next) ? next : (current[key] = {});
  });
}

/** Objects whose keys are all indexes become arrays, in index order. */
function toArrays(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const children = Object.fromEntries(keys.map((key) => [key, toArrays(value[key]!)]));
  if (keys.length === 0 || !keys.every((key) => /^\d+$/.test(key))) return children;
  return keys.sort((a, b) => Number(a) - Number(b)).map((key) => children[key]!);
}
