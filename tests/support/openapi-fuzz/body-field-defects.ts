import fc from 'fast-check';
import { badJsonValues, badTextValues, type BadValueFamily } from './bad-values';
import type { DefectFamily, Segment } from './draft-request';
import type { JsonSchema } from './openapi-operations';
import { validValue, type KnownValues } from './valid-values';

export const DEEP = 5_000;
export const deeplyNested = (open: string, leaf: string, close: string) =>
  open.repeat(DEEP) + leaf + close.repeat(DEEP);

const where = (path: Segment[]) => ['body', ...path].join('.');

function toFamily(path: Segment[], { label, values }: BadValueFamily): DefectFamily {
  const name = `${where(path)}: ${label}`;
  return {
    label: name,
    defects: values.map((bad) => ({
      label: name,
      mutation:
        'raw' in bad ? { kind: 'splice-body', path, raw: bad.raw } : { kind: 'set-body', path, value: bad.value },
    })),
  };
}

/** Keys no schema declares and the edge must refuse, whatever the route: unstorable text, prototype pollution. */
function badKeyFamilies(path: Segment[], json: boolean): DefectFamily[] {
  const keys: [string, string, unknown][] = [['key with NUL', 'extra\u0000key', 'x']];
  // A form decodes an encoded unpaired surrogate to U+FFFD, a storable key; JSON keeps it unpaired.
  if (json) keys.push(['key with an unpaired surrogate', 'extra\ud800', 'x']);
  if (json) keys.push(['__proto__ key', '__proto__', { polluted: true }]);
  if (json) keys.push(['constructor.prototype key', 'constructor', { prototype: { polluted: true } }]);
  const families: DefectFamily[] = keys.map(([label, key, value]) => ({
    label: `${where(path)}: ${label}`,
    defects: fc.constant({ label: `${where(path)}: ${label}`, mutation: { kind: 'add-body-key', path, key, value } }),
  }));
  if (json) {
    const label = `${where(path)}: extra field nested ${DEEP} levels deep`;
    const raw = deeplyNested('{"a":', '1', '}');
    families.push({
      label,
      defects: fc.constant({ label, mutation: { kind: 'splice-body', path: [...path, 'deep'], raw } }),
    });
  }
  return families;
}

/**
 * Every defect of every field of a body schema, depth first: wrong values per field (as JSON, or as text for a
 * form), each required field missing, and refused keys on each object.
 */
export function bodyFieldDefects(
  schema: JsonSchema,
  known: KnownValues,
  json: boolean,
  path: Segment[] = [],
  name = 'body',
): DefectFamily[] {
  const valid = validValue(schema, name, known);
  const isContainer = schema.type === 'object' || schema.type === 'array';
  const families: DefectFamily[] = [];
  if (json) families.push(...badJsonValues(schema, valid).map((bad) => toFamily(path, bad)));
  else if (!isContainer) families.push(...badTextValues(schema, valid, 'form').map((bad) => toFamily(path, bad)));

  if (schema.type === 'object') {
    for (const key of schema.required ?? []) {
      const label = `${where([...path, key])}: missing`;
      families.push({
        label,
        defects: fc.constant({ label, mutation: { kind: 'remove-body', path: [...path, key] } }),
      });
    }
    families.push(...badKeyFamilies(path, json));
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      families.push(...bodyFieldDefects(child, known, json, [...path, key], key));
    }
  }
  if (schema.type === 'array' && schema.items) {
    families.push(...bodyFieldDefects(schema.items, known, json, [...path, 0], `${name}[]`));
  }
  return families;
}
