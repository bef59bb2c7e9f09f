import { useFetcher } from 'react-router';
import { useEffect, useState } from 'react';

import { ActionOutcomeAlert } from '~/components/action-outcome';
import { Button } from '~/components/ui/button';
import type { BotView } from '@contracts/bots';
import type { JobView } from '@contracts/jobs';

export const INTENTS = ['retry', 'cancel', 'rotate', 'delete'] as const;
export type Intent = (typeof INTENTS)[number];

type Outcome = { ok: true; message: string } | { ok: false; formError: string };

/**
 * Retry, Cancel, Rotate number and Delete, each offered only when the API would accept it. Delete asks again
 * inline. After a change the page's loader brings the new job, and the live view follows it.
 */
export function BotActions({ bot, job }: { bot: BotView; job: JobView | null }) {
  const fetcher = useFetcher<Outcome>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const busy = fetcher.state !== 'idle';
  const pending = fetcher.formData?.get('intent');
  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  useEffect(() => {
    if (fetcher.state === 'idle') setConfirmDelete(false);
  }, [fetcher.state]);

  const button = (intent: Intent, label: string, variant: 'primary' | 'secondary' | 'danger' = 'secondary') => (
    <Button type="submit" name="intent" value={intent} variant={variant} disabled={busy}>
      {pending === intent ? `${label}…` : label}
    </Button>
  );

  return (
    <div className="flex flex-col items-end gap-2">
      <fetcher.Form method="post" className="flex flex-wrap justify-end gap-2">
        {bot.status === 'failed' ? button('retry', 'Retry', 'primary') : null}
        {running && job?.kind !== 'deprovision' ? button('cancel', 'Cancel run') : null}
        {bot.status === 'ready' && !running ? button('rotate', 'Rotate number') : null}
        {(bot.status === 'ready' || bot.status === 'failed') && !running ? (
          confirmDelete ? (
            <span className="flex flex-wrap items-center gap-2 rounded-md bg-rose-50 px-2 py-1 ring-1 ring-rose-200">
              <span className="text-sm text-rose-800">Release the number and delete the app?</span>
              {button('delete', 'Delete bot', 'danger')}
              <Button variant="ghost" size="sm" onClick={() => setConfirmDelete(false)}>
                Keep
              </Button>
            </span>
          ) : (
            <Button variant="secondary" onClick={() => setConfirmDelete(true)} disabled={busy}>
              Delete
            </Button>
          )
        ) : null}
      </fetcher.Form>
      <ActionOutcomeAlert idle={fetcher.state === 'idle'} outcome={fetcher.data} />
    </div>
  );
}
