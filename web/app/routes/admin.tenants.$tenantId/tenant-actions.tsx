import { useFetcher } from '@remix-run/react';
import { useEffect, useState } from 'react';

import { ActionOutcomeAlert } from '~/components/action-outcome';
import { Button } from '~/components/ui/button';
import { TextField } from '~/components/ui/field';
import type { TenantView } from '@contracts/tenants';

export const TENANT_INTENTS = ['verify', 'resend', 'deactivate', 'reactivate'] as const;
export type TenantIntent = (typeof TENANT_INTENTS)[number];

type Outcome = { ok: true; message: string } | { ok: false; formError: string; fieldErrors?: { reason?: string } };

/**
 * Lifecycle actions for a platform admin, each offered only in the state the API accepts it: a pending tenant
 * can be verified by hand or get a new verification mail; an active one deactivated (with a reason, which ends
 * every session of its users at once); a suspended one reactivated.
 */
export function TenantActions({ tenant }: { tenant: TenantView }) {
  const fetcher = useFetcher<Outcome>();
  const [askReason, setAskReason] = useState(false);
  const busy = fetcher.state !== 'idle';
  const pending = fetcher.formData?.get('intent');
  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data?.ok) setAskReason(false);
  }, [fetcher.state, fetcher.data]);

  const button = (intent: TenantIntent, label: string, variant: 'primary' | 'secondary' | 'danger' = 'secondary') => (
    <Button type="submit" name="intent" value={intent} variant={variant} disabled={busy}>
      {pending === intent ? `${label}…` : label}
    </Button>
  );
  const failure = fetcher.state === 'idle' && fetcher.data && !fetcher.data.ok ? fetcher.data : null;

  return (
    <div className="flex flex-col gap-3">
      <fetcher.Form method="post" className="flex flex-wrap items-end gap-2">
        {tenant.status === 'pending_verification' ? (
          <>
            {button('verify', 'Mark email as verified', 'primary')}
            {button('resend', 'Resend verification email')}
          </>
        ) : null}
        {tenant.status === 'active' && !askReason ? (
          <Button variant="secondary" onClick={() => setAskReason(true)} disabled={busy}>
            Deactivate
          </Button>
        ) : null}
        {tenant.status === 'active' && askReason ? (
          <div className="flex w-full flex-wrap items-end gap-2 rounded-md bg-rose-50 p-3 ring-1 ring-rose-200">
            <TextField
              label="Reason (kept in the audit log)"
              name="reason"
              required
              minLength={3}
              maxLength={500}
              className="min-w-64 flex-1"
              error={failure?.fieldErrors?.reason}
            />
            {button('deactivate', 'Deactivate and sign everyone out', 'danger')}
            <Button variant="ghost" size="sm" onClick={() => setAskReason(false)}>
              Keep active
            </Button>
          </div>
        ) : null}
        {tenant.status === 'suspended' ? button('reactivate', 'Reactivate', 'primary') : null}
      </fetcher.Form>
      <ActionOutcomeAlert idle={fetcher.state === 'idle'} outcome={fetcher.data} />
    </div>
  );
}
