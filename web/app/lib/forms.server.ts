import { data } from 'react-router';

import type { ApiProblem } from './api.server';
import { splitFieldErrors } from './problem';

/** What an action answers when the API refused a change: the message, and each field's error beside it. */
export interface FormFailure<F extends string = string> {
  ok: false;
  formError: string;
  fieldErrors: Partial<Record<F, string>>;
  /** Which form (intent) failed, when a page has several. */
  intent?: string;
}

export function formFailure<F extends string>(problem: ApiProblem, fields: readonly F[], intent?: string) {
  const { byField, other } = splitFieldErrors(problem, fields);
  const detail = problem.detail ?? problem.title ?? `Request failed (HTTP ${problem.status}).`;
  const formError = other.length ? `${detail}: ${other.join('; ')}` : detail;
  const body: FormFailure<F> = { ok: false, formError, fieldErrors: byField, ...(intent ? { intent } : {}) };
  return data(body, { status: problem.status >= 400 && problem.status < 600 ? problem.status : 400 });
}

/** Trimmed text of a form field ('' when absent). */
export const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};
