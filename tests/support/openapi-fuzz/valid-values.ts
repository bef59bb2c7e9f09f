import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations';

/** Real values a field should take by its name (the demo tenant's id, its bot's number), so requests reach deep. */
export type KnownValues = Record<string, readonly string[]>;

/** Printable, trim-proof characters: a generated text is never blank after `.trim()`. */
const TEXT_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-_.äöüßéñ€'];
const MAX_TEXT = 40;

/** An arbitrary of values the schema accepts. Throws on a schema it does not understand, never guesses. */
export function validValue(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return validString(schema, name, known);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: Math.min(schema.maximum ?? 1_000_000, 1_000_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items ?? {}, `${name}[]`, known), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object':
      return validObject(schema, known);
    default:
      throw new Error(`no valid-value generator for the schema of ${name}: ${JSON.stringify(schema)}`);
  }
}

function validString(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<string> {
  const real = known[name];
  if (real?.length) return fc.constantFrom(...real);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Math.max(min, MAX_TEXT);
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length >= min && text.length <= max);
  }
  if (schema.format) throw new Error(`no generator for format ${schema.format} without a pattern (${name})`);
  return fc.string({ unit: fc.constantFrom(...TEXT_CHARS), minLength: min, maxLength: Math.min(max, MAX_TEXT) });
}

function validObject(schema: JsonSchema, known: KnownValues): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, child]) => [key, validValue(child, key, known)]),
  );
  return fc.record(model, { requiredKeys: schema.required ?? [] });
}
