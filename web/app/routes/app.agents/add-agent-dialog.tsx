import { Form, Link, useNavigation } from 'react-router';
import { useEffect, useRef } from 'react';

import type { AgentValidationView } from '@contracts/agents';
import { Alert } from '~/components/ui/alert';
import { Button, buttonClass } from '~/components/ui/button';
import { DetailList } from '~/components/ui/card';
import { TextField } from '~/components/ui/field';
import type { FormFailure } from '~/lib/forms.server';

type Outcome = FormFailure<'agentId'> | { ok: true; intent: 'validate'; agent: AgentValidationView };

/**
 * Adding an agent in two steps: its id is looked up in the organisation's ElevenLabs workspace, the details shown,
 * then it is added. Opened by `?add=1`, so it works before the page's scripts have loaded too.
 */
export function AddAgentDialog({ outcome }: { outcome?: Outcome }) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const intent = navigation.formData?.get('intent');
  const found = outcome?.ok ? outcome.agent : null;
  const failure = outcome && !outcome.ok ? outcome : null;
  const closeRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeRef.current?.click();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4 sm:pt-24">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="add-agent-title"
        className="w-full max-w-lg rounded-lg bg-white shadow-xl"
      >
        <div className="flex items-start justify-between border-b border-slate-200 px-5 py-4">
          <div>
            <h2 id="add-agent-title" className="text-base font-semibold text-slate-900">
              Add an agent
            </h2>
            <p className="mt-0.5 text-sm text-slate-500">
              Its id is in ElevenLabs under Agents platform → your agent → settings (<code>agent_…</code>).
            </p>
          </div>
          <Link ref={closeRef} to="." replace preventScrollReset className={buttonClass('ghost', 'sm')}>
            Close
          </Link>
        </div>
        <div className="space-y-4 px-5 py-4">
          {failure ? <Alert tone="error">{failure.formError}</Alert> : null}
          <Form method="post" action="?add=1" className="space-y-3">
            <input type="hidden" name="intent" value="validate" />
            <TextField
              label="ElevenLabs agent id"
              name="agentId"
              required
              maxLength={128}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              defaultValue={found?.agentId}
              error={failure?.fieldErrors.agentId}
            />
            <Button type="submit" variant={found ? 'secondary' : 'primary'} disabled={busy}>
              {busy && intent === 'validate' ? 'Looking it up…' : 'Validate'}
            </Button>
          </Form>
          {found ? <FoundAgent agent={found} busy={busy} adding={busy && intent === 'register'} /> : null}
        </div>
      </div>
    </div>
  );
}

function FoundAgent({ agent, busy, adding }: { agent: AgentValidationView; busy: boolean; adding: boolean }) {
  return (
    <div className="space-y-4 rounded-md border border-slate-200 p-4" data-testid="validated-agent">
      <DetailList
        items={[
          { label: 'Name', value: agent.name },
          { label: 'Language', value: agent.language ?? '—' },
          { label: 'First message', value: agent.firstMessage ?? '—' },
          { label: 'Tags', value: agent.tags.length ? agent.tags.join(', ') : '—' },
        ]}
      />
      {agent.registered ? (
        <Alert tone="info">Your organisation monitors this agent already.</Alert>
      ) : (
        <Form method="post" action="?add=1">
          <input type="hidden" name="intent" value="register" />
          <input type="hidden" name="agentId" value={agent.agentId} />
          <Button type="submit" disabled={busy}>
            {adding ? 'Adding…' : `Add ${agent.name}`}
          </Button>
        </Form>
      )}
    </div>
  );
}
