import { invalid } from './errors';
import type { Form, FormValue } from './form';

// Readers for one parameter of a parsed form; a wrong type is answered as Stripe answers it.
// `at` names the enclosing parameter (`items[0]`) so errors point at `items[0][price]`.

const nameOf = (name: string, at?: string) => (at ? `${at}[${name}]` : name);

/** Refuses parameters the endpoint does not know, as Stripe does; `expand` is accepted (and ignored) everywhere. */
export function onlyKnown(form: Form, known: readonly string[], at?: string): void {
  const unknown = Object.keys(form).find((key) => key !== 'expand' && !known.includes(key));
  if (unknown) throw invalid(`Received unknown parameter: ${nameOf(unknown, at)}`, 'parameter_unknown', unknown);
}

export function text(form: Form, name: string, at?: string): string | undefined {
  const value = form[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`Invalid string: ${nameOf(name, at)}`, 'parameter_invalid_string', name);
  return value;
}

export function required<T>(value: T | undefined, name: string, at?: string): T {
  if (value === undefined || value === '') {
    throw invalid(`Missing required param: ${nameOf(name, at)}.`, 'parameter_missing', nameOf(name, at));
  }
  return value;
}

export function integer(form: Form, name: string, at?: string): number | undefined {
  const value = text(form, name, at);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw invalid(`Invalid integer: ${value}`, 'parameter_invalid_integer', name);
  return Number(value);
}

/** A decimal string such as `12.5` (Stripe's `*_decimal` parameters), kept as text to stay exact. */
export function decimal(form: Form, name: string, at?: string): string | undefined {
  const value = text(form, name, at);
  if (value === undefined) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw invalid(`Invalid decimal: ${value}`, 'parameter_invalid_decimal', name);
  return value;
}

export function flag(form: Form, name: string, at?: string): boolean | undefined {
  const value = text(form, name, at);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalid(`Invalid boolean: ${value}`, undefined, name);
  return value === 'true';
}

export function choice<T extends string>(form: Form, name: string, options: readonly T[], at?: string): T | undefined {
  const value = text(form, name, at);
  if (value === undefined) return undefined;
  if (!(options as readonly string[]).includes(value)) {
    throw invalid(`Invalid ${nameOf(name, at)}: must be one of ${options.join(', ')}`, undefined, name);
  }
  return value as T;
}

export function object(form: Form, name: string, at?: string): Form | undefined {
  const value = form[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`Invalid hash: ${nameOf(name, at)}`);
  return value;
}

export function list(form: Form, name: string, at?: string): FormValue[] | undefined {
  const value = form[name];
  if (value === undefined || value === '') return undefined;
  if (!Array.isArray(value)) throw invalid(`Invalid array: ${nameOf(name, at)}`, undefined, name);
  return value;
}

export function forms(form: Form, name: string): Form[] | undefined {
  return list(form, name)?.map((entry, index) => {
    if (typeof entry !== 'object' || Array.isArray(entry)) throw invalid(`Invalid hash: ${name}[${index}]`);
    return entry;
  });
}

/**
 * Applies `metadata[...]` changes as Stripe does: keys are merged, an empty value removes a key and an empty
 * `metadata` clears them all.
 */
export function mergeMetadata(current: Record<string, string>, form: Form, name = 'metadata'): Record<string, string> {
  const value = form[name];
  if (value === undefined) return current;
  if (value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`Invalid hash: ${name}`, undefined, name);
  const merged = { ...current };
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw invalid(`Invalid string: ${name}[${key}]`, undefined, name);
    if (entry === '') delete merged[key];
    else merged[key] = entry;
  }
  return merged;
}
