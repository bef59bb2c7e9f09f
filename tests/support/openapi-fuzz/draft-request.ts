import type { Arbitrary } from 'fast-check';
import type { ActorName } from './fuzz-world';

/** A request before encoding: values, not bytes, so defects can be applied and the result printed. */
export interface DraftRequest {
  actor: ActorName;
  /** Path parameter values as the server should decode them (the encoder percent-encodes). */
  path: Record<string, string>;
  /** Query pairs in order; `raw` values go into the URL verbatim (invalid percent-encoding). */
  query: { name: string; value: string; raw?: boolean }[];
  /** Header parameters the test sets itself; null leaves a header the transport would add out. */
  headers: Record<string, string | null>;
  /** The parsed body to encode, with `rawSplices` replacing placeholder strings by literal text (`1e309`). */
  body: { value: unknown; rawSplices: Record<string, string> } | null;
  /** Replaces the encoded body altogether (invalid JSON, a foreign content type). */
  rawBody?: { text: string; contentType: string | null };
  /** Replaces the content type the transport would send (null: none). */
  contentType?: string | null;
}

export type Segment = string | number;

/** One malformation. Every mutation in the catalogue makes a request invalid on its own. */
export type Mutation =
  | { kind: 'set-body'; path: Segment[]; value: unknown }
  | { kind: 'splice-body'; path: Segment[]; raw: string }
  | { kind: 'remove-body'; path: Segment[] }
  | { kind: 'add-body-key'; path: Segment[]; key: string; value: unknown }
  | { kind: 'raw-body'; text: string; contentType: string | null }
  | { kind: 'content-type'; contentType: string | null }
  | { kind: 'set-query'; name: string; values: string[]; raw?: boolean }
  | { kind: 'set-path'; name: string; value: string }
  | { kind: 'set-header'; name: string; value: string | null };

export interface Defect {
  label: string;
  mutation: Mutation;
}

/** Defects of one kind at one place (`body.name: NUL inside`); the sweep sends one of each family. */
export interface DefectFamily {
  label: string;
  defects: Arbitrary<Defect>;
}

const clone = <T>(value: T): T => structuredClone(value);

/** The container at `path` (creating objects along the way), or null when a defect already replaced it. */
function containerAt(root: { value: unknown }, path: Segment[]): Record<string, unknown> | unknown[] | null {
  let current: unknown = root.value;
  if (current === undefined) current = root.value = {};
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return null;
    const record = current as Record<string, unknown>;
    if (record[segment] === undefined) record[segment] = typeof segment === 'number' ? [] : {};
    current = record[segment];
  }
  return current !== null && typeof current === 'object' ? (current as Record<string, unknown>) : null;
}

let placeholders = 0;

export function applyDefect(draft: DraftRequest, { mutation }: Defect): DraftRequest {
  const next: DraftRequest = {
    ...draft,
    path: { ...draft.path },
    query: [...draft.query],
    headers: { ...draft.headers },
  };
  const body = { value: clone(draft.body?.value), rawSplices: { ...draft.body?.rawSplices } };
  const setAt = (path: Segment[], value: unknown) => {
    if (path.length === 0) {
      body.value = value;
      return;
    }
    const parent = containerAt(body, path.slice(0, -1));
    if (parent) (parent as Record<string, unknown>)[path.at(-1)!] = value;
  };
  switch (mutation.kind) {
    case 'set-body':
      setAt(mutation.path, clone(mutation.value));
      break;
    case 'splice-body': {
      const token = `@@raw-${(placeholders += 1)}@@`;
      body.rawSplices[token] = mutation.raw;
      setAt(mutation.path, token);
      break;
    }
    case 'remove-body': {
      if (mutation.path.length === 0) {
        body.value = undefined;
        break;
      }
      const parent = containerAt(body, mutation.path.slice(0, -1));
      if (parent) delete (parent as Record<string, unknown>)[mutation.path.at(-1)!];
      break;
    }
    case 'add-body-key': {
      // defineProperty, so that even `__proto__` becomes an own, serialised key.
      const target = containerAt(body, mutation.path);
      if (target) Object.defineProperty(target, mutation.key, { value: clone(mutation.value), enumerable: true });
      break;
    }
    case 'raw-body':
      next.rawBody = { text: mutation.text, contentType: mutation.contentType };
      break;
    case 'content-type':
      next.contentType = mutation.contentType;
      break;
    case 'set-query':
      next.query = next.query.filter((pair) => pair.name !== mutation.name);
      for (const value of mutation.values) next.query.push({ name: mutation.name, value, raw: mutation.raw });
      break;
    case 'set-path':
      next.path[mutation.name] = mutation.value;
      break;
    case 'set-header':
      next.headers[mutation.name] = mutation.value;
      break;
  }
  next.body = body.value === undefined ? null : body;
  return next;
}
