import { Alert } from '~/components/ui/alert';

export type ActionOutcome = { ok: true; message: string } | { ok: false; formError: string };

/** What an action button's fetcher reported once it settled: a success note or the API's reason. */
export function ActionOutcomeAlert({ idle, outcome }: { idle: boolean; outcome: ActionOutcome | undefined }) {
  if (!idle || !outcome) return null;
  return outcome.ok ? <Alert tone="success">{outcome.message}</Alert> : <Alert>{outcome.formError}</Alert>;
}
