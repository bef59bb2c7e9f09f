import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations';
import { validValue } from './valid-values';

/** A value a field must refuse: `value` to encode as usual, or `raw` text spliced into the JSON (`1e309`). */
export type BadValue = { label: string; value: unknown } | { label: string; raw: string };
export type BadValueFamily = { label: string; values: fc.Arbitrary<BadValue> };

export const HUNDRED_KB = 100_000;

const family = (label: string, values: fc.Arbitrary<unknown>): BadValueFamily => ({
  label,
  values: values.map((value) => ({ label, value })),
});
const rawFamily = (label: string, texts: string[]): BadValueFamily => ({
  label,
  values: fc.constantFrom(...texts).map((raw) => ({ label, raw })),
});

/** `text` with `insert` at a random position. */
const inserted = (valid: fc.Arbitrary<unknown>, insert: string) =>
  fc.tuple(valid, fc.nat()).map(([text, at]) => {
    const value = typeof text === 'string' ? text : String(text);
    const index = at % (value.length + 1);
    return value.slice(0, index) + insert + value.slice(index);
  });

const FORMAT_JUNK: Record<string, string[]> = {
  uuid: ['not-a-uuid', '123', '00000000-0000-0000-0000-00000000000g', '6f1c2d3e-0000-4000-8000-00000000000', 'null'],
  date: ['2026-02-30', '2026-13-01', '0000-01-01', '1999-12-31', '9999-12-31', '2026/01/01', '26-01-01'],
  email: ['not-an-email', 'a@b', '@example.test', 'a b@example.test', 'a@@example.test'],
};
const PATTERN_JUNK = ['NOT VALID!', ' ', '-', '\t', '..', '😀', '<script>'];

/**
 * Where a value travels decides which bad characters can arrive at all: a header carries neither NUL nor
 * surrogates, and a form decodes an encoded unpaired surrogate to U+FFFD (query and path keep it encoded).
 */
export type Channel = 'json' | 'form' | 'query' | 'path' | 'header';

/** Strings that break whatever the schema asks of a string, as far as the channel can carry them. */
function badStrings(schema: JsonSchema, valid: fc.Arbitrary<unknown>, channel: Channel): BadValueFamily[] {
  const families: BadValueFamily[] = [];
  if (channel !== 'header') families.push(family('NUL inside', inserted(valid, '\u0000')));
  if (channel !== 'header' && channel !== 'form') {
    families.push(family('unpaired high surrogate', inserted(valid, '\ud800')));
    families.push(family('unpaired low surrogate', inserted(valid, '\udfff')));
  }
  families.push(family('100 KB string', fc.constant('x'.repeat(HUNDRED_KB))));
  if ((schema.minLength ?? 0) > 0) families.push(family('empty string', fc.constant('')));
  if (schema.enum) {
    const members = schema.enum.map(String);
    const junk = ['not-a-member', ...members.map((m) => m.toUpperCase()), `${members[0]} `, ''];
    families.push(family('not a member', fc.constantFrom(...junk.filter((j) => !members.includes(j)))));
  }
  if (schema.format && FORMAT_JUNK[schema.format]) {
    families.push(family(`not a ${schema.format}`, fc.constantFrom(...FORMAT_JUNK[schema.format]!)));
  } else if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    families.push(family('breaks the pattern', fc.constantFrom(...PATTERN_JUNK.filter((j) => !pattern.test(j)))));
  }
  return families;
}

/** Numbers out of the declared range or not numbers at all, as text. */
function badNumberTexts(schema: JsonSchema): BadValueFamily[] {
  const junk = ['abc', 'NaN', 'Infinity', '-Infinity', '1e309', '9'.repeat(400)];
  if (schema.type === 'integer') junk.push('1.5');
  if (schema.minimum !== undefined) junk.push(String(schema.minimum - 1));
  if (schema.minimum !== undefined && schema.minimum >= 0) junk.push('-1');
  if (schema.minimum !== undefined && schema.minimum > 0) junk.push('');
  if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) junk.push(String(schema.maximum + 1));
  return [family('not a number in range', fc.constantFrom(...junk))];
}

/** What a field sent as text (query, path, header, form field) must refuse. */
export function badTextValues(schema: JsonSchema, valid: fc.Arbitrary<unknown>, channel: Channel): BadValueFamily[] {
  if (schema.type === 'integer' || schema.type === 'number') return badNumberTexts(schema);
  if (schema.type === 'boolean') return [family('not a boolean', fc.constantFrom('yes', '2', 'TRUE ', ''))];
  return badStrings(schema, valid, channel);
}

const WRONG_TYPES: Record<string, unknown[]> = {
  string: [42, true, null, {}, ['x']],
  integer: ['1', true, null, {}, [1]],
  number: ['1', true, null, {}, [1]],
  boolean: ['true', 1, 0, null],
  object: ['x', 42, null, [], true],
  array: [{}, 'x', 42, null],
};

/** What a field of a JSON body must refuse: the wrong type, and per type the values its schema rules out. */
export function badJsonValues(schema: JsonSchema, valid: fc.Arbitrary<unknown>): BadValueFamily[] {
  const families: BadValueFamily[] = [];
  const wrongTypes = schema.type ? WRONG_TYPES[schema.type] : undefined;
  if (wrongTypes) families.push(family('wrong type', fc.constantFrom(...wrongTypes)));
  if (schema.type === 'integer' || schema.type === 'number') {
    const out: number[] = [1e300, -1e300, Number.MAX_SAFE_INTEGER + 2];
    if (schema.type === 'integer') out.push((schema.minimum ?? 0) + 0.5);
    if (schema.minimum !== undefined) out.push(schema.minimum - 1);
    if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) out.push(schema.maximum + 1);
    families.push(family('number out of range', fc.constantFrom(...out)));
    families.push(rawFamily('number JSON cannot hold', ['1e309', '-1e309']));
    families.push(family('number as text', fc.constantFrom('NaN', 'Infinity', '1e309')));
  }
  if (schema.type === 'string' || schema.enum) families.push(...badStrings(schema, valid, 'json'));
  if (schema.type === 'array') {
    if ((schema.minItems ?? 0) > 0) families.push(family('empty array', fc.constant([])));
    if (schema.maxItems !== undefined) {
      const count = schema.maxItems + 1;
      const item = validValue(schema.items ?? {}, 'item', {});
      families.push(family('too many items', fc.array(item, { minLength: count, maxLength: count })));
    }
  }
  return families;
}
