import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';

import { isProblem, splitFieldErrors } from './problem';
import { useHydrated } from './use-hydrated';

export interface JsonFormState<F extends string> {
  submitting: boolean;
  error?: string;
  otherErrors?: string[];
  fieldErrors: Partial<Record<F, string>>;
}

export interface JsonForm<F extends string> {
  state: JsonFormState<F>;
  hydrated: boolean;
  errorRef: RefObject<HTMLDivElement>;
  formRef: RefObject<HTMLFormElement>;
  /** The submitted form's data, or null while a submission is under way. */
  formData: (event: FormEvent<HTMLFormElement>) => FormData | null;
  /**
   * Posts `body` to `url`; `accepted` is given the answer and says whether it was the success it handled. Anything
   * else is shown as `<action> failed`, with the API's field errors beside their fields.
   */
  post: (url: string, body: unknown, accepted: (response: Response, answer: unknown) => boolean) => Promise<void>;
}

/**
 * A public form the browser posts as JSON itself (sign-in, sign-up), so the API's cookies land in the browser. It
 * needs JavaScript: `hydrated` keeps the button disabled until then. After a refusal the first invalid field, or
 * else the error, takes the focus.
 */
export function useJsonForm<F extends string>(
  fields: readonly F[],
  { action, initialError }: { action: string; initialError?: string },
): JsonForm<F> {
  const hydrated = useHydrated();
  const [state, setState] = useState<JsonFormState<F>>({ submitting: false, fieldErrors: {}, error: initialError });
  const errorRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.submitting) return;
    const firstInvalid = fields.find((field) => state.fieldErrors[field]);
    if (firstInvalid) formRef.current?.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus();
    else if (state.error) errorRef.current?.focus();
  }, [state, fields]);

  function formData(event: FormEvent<HTMLFormElement>): FormData | null {
    event.preventDefault();
    return state.submitting ? null : new FormData(event.currentTarget);
  }

  async function post(url: string, body: unknown, accepted: (response: Response, answer: unknown) => boolean) {
    setState({ submitting: true, fieldErrors: {} });
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        credentials: 'include',
        body: JSON.stringify(body),
      });
    } catch {
      setState({ submitting: false, fieldErrors: {}, error: 'Could not reach the server. Check your connection.' });
      return;
    }
    const answer: unknown = await response.json().catch(() => null);
    if (accepted(response, answer)) return;
    if (isProblem(answer)) {
      const { byField, other } = splitFieldErrors(answer, fields);
      setState({
        submitting: false,
        fieldErrors: byField,
        otherErrors: other,
        error: answer.detail ?? answer.title ?? `${action} failed (HTTP ${response.status}).`,
      });
      return;
    }
    setState({
      submitting: false,
      fieldErrors: {},
      error:
        response.status >= 502 && response.status <= 504
          ? 'The API is unavailable right now. Please try again shortly.'
          : `${action} failed (HTTP ${response.status}).`,
    });
  }

  return { state, hydrated, errorRef, formRef, formData, post };
}
