import { useFetcher } from 'react-router';
import { useEffect, useRef } from 'react';

import type { TicketDetail } from '@contracts/support';
import { formatDateTime } from '~/lib/format';
import { ROLE_LABELS } from '~/lib/roles';

import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { Card, CardBody } from './ui/card';
import { TextareaField } from './ui/field';
import { isPlatformRole } from '@contracts/roles';

type ActionResult =
  | { ok: true; intent: string; message: string }
  | { ok: false; intent?: string; formError: string; fieldErrors: Partial<Record<string, string>> };

/** The ticket's first message and every reply, oldest first; staff replies are set apart. */
export function TicketThread({ ticket }: { ticket: TicketDetail }) {
  const entries = [
    {
      id: ticket.id,
      authorName: ticket.authorName,
      authorRole: null,
      body: ticket.body,
      createdAt: ticket.createdAt,
      staff: false,
    },
    ...ticket.messages.map((m) => ({ ...m, staff: m.authorRole ? isPlatformRole(m.authorRole) : false })),
  ];
  return (
    <ol className="space-y-4" aria-label="Conversation">
      {entries.map((entry) => (
        <li key={entry.id} className={`flex ${entry.staff ? 'justify-end' : 'justify-start'}`}>
          <article
            className={`w-full max-w-2xl rounded-lg border p-4 shadow-sm ${
              entry.staff ? 'border-indigo-200 bg-indigo-50/60' : 'border-slate-200 bg-white'
            }`}
          >
            <header className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="text-sm font-semibold text-slate-900">
                {entry.authorName ?? (entry.staff ? 'VoicePlane support' : 'Unknown author')}
                {entry.authorRole ? (
                  <span className="ml-2 text-xs font-normal text-slate-500">
                    {isPlatformRole(entry.authorRole) ? 'VoicePlane support' : ROLE_LABELS[entry.authorRole]}
                  </span>
                ) : null}
              </p>
              <time dateTime={entry.createdAt} className="text-xs text-slate-500">
                {formatDateTime(entry.createdAt)}
              </time>
            </header>
            <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800">{entry.body}</p>
          </article>
        </li>
      ))}
    </ol>
  );
}

/** Reply box; clears itself after a successful reply. */
export function ReplyForm({ disabled }: { disabled?: boolean }) {
  const fetcher = useFetcher<ActionResult>();
  const formRef = useRef<HTMLFormElement>(null);
  const sending = fetcher.state !== 'idle';
  const result = fetcher.state === 'idle' && fetcher.data?.intent === 'reply' ? fetcher.data : undefined;
  useEffect(() => {
    if (result?.ok) formRef.current?.reset();
  }, [result]);
  return (
    <Card>
      <CardBody>
        <fetcher.Form ref={formRef} method="post" className="space-y-3" aria-busy={sending}>
          <input type="hidden" name="intent" value="reply" />
          {result && !result.ok ? <Alert>{result.formError}</Alert> : null}
          <TextareaField
            label="Reply"
            name="body"
            required
            maxLength={5000}
            disabled={disabled}
            error={result && !result.ok ? result.fieldErrors.body : undefined}
            placeholder={disabled ? 'This ticket is closed.' : 'Write a reply…'}
          />
          <div className="flex justify-end">
            <Button type="submit" disabled={sending || disabled}>
              {sending ? 'Sending…' : 'Send reply'}
            </Button>
          </div>
        </fetcher.Form>
      </CardBody>
    </Card>
  );
}

export function useTicketUpdate() {
  const fetcher = useFetcher<ActionResult>();
  const result = fetcher.state === 'idle' && fetcher.data?.intent === 'update' ? fetcher.data : undefined;
  return { fetcher, result, busy: fetcher.state !== 'idle' };
}
