import { Form, useNavigation, type FormProps } from 'react-router';
import type { ReactNode } from 'react';

import type { FormFailure } from '~/lib/forms.server';

import { Alert } from './alert';
import { Button } from './button';

/** What a change form's action answered: the refusal with each field's error, or a note that it worked. */
export type FormOutcome<F extends string = string> = FormFailure<F> | { ok: true; message: string };

/** Each field's error when the change was refused, else none. */
export const fieldErrorsOf = <F extends string>(outcome: FormOutcome<F> | undefined): Partial<Record<F, string>> =>
  outcome && !outcome.ok ? outcome.fieldErrors : {};

/**
 * A change form of a page that has several, told apart by `intent`: it posts its intent, shows the action's outcome
 * above the fields and, given a `submit` label, ends with the submit button, which says "Saving…" while this form
 * (not another one on the page) is being sent.
 */
export function IntentForm({
  intent,
  outcome,
  submit,
  children,
  ...form
}: {
  intent: string;
  outcome?: FormOutcome;
  submit?: string;
  children: ReactNode;
} & Omit<FormProps, 'method' | 'children'>) {
  const navigation = useNavigation();
  const saving = navigation.state !== 'idle' && navigation.formData?.get('intent') === intent;
  return (
    <Form method="post" aria-busy={saving} {...form}>
      <input type="hidden" name="intent" value={intent} />
      {outcome ? (
        <Alert tone={outcome.ok ? 'success' : 'error'}>{outcome.ok ? outcome.message : outcome.formError}</Alert>
      ) : null}
      {children}
      {submit ? (
        <Button type="submit" disabled={saving}>
          {saving ? 'Saving…' : submit}
        </Button>
      ) : null}
    </Form>
  );
}
