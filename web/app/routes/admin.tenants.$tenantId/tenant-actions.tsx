import { useFetcher } from 'react-router';
import { useEffect, useState } from 'react';

import { ActionOutcomeAlert } from '~/components/action-outcome';
import { Button } from '~/components/ui/button';
import { TextField } from '~/components/ui/field';
import type { TenantView } from '@contracts/tenants';

export const TENANT_INTENTS = ['verify', 'resend', 'deactivate', 'reactivate', 'offboard'] as const;
export type TenantIntent = (typeof TENANT_INTENTS)[number];

type Outcome =
  | { ok: true; message: string }
  | { ok: false; formError: string; fieldErrors?: { reason?: string; confirmSlug?: string } };

type Confirming = 'deactivate' | 'reactivate' | 'offboard' | null;

/**
 * Lifecycle actions for a platform admin, each offered only in the state the API accepts it: a pending tenant
 * can be verified by hand or get a new verification mail; an active one deactivated (with a reason, which ends
 * every session of its users at once); a suspended one reactivated. Each change is confirmed first; deleting the
 * tenant (offboarding) asks for its slug to be typed, as it cannot be undone.
 */
export function TenantActions({ tenant }: { tenant: TenantView }) {
  const fetcher = useFetcher<Outcome>();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [typedSlug, setTypedSlug] = useState('');
  const busy = fetcher.state !== 'idle';
  const pending = fetcher.formData?.get('intent');
  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data?.ok) setConfirming(null);
  }, [fetcher.state, fetcher.data]);
  const mayOffboard = tenant.status === 'active' || tenant.status === 'suspended';

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
        {tenant.status === 'active' && confirming === null ? (
          <Button variant="secondary" onClick={() => setConfirming('deactivate')} disabled={busy}>
            Deactivate
          </Button>
        ) : null}
        {tenant.status === 'active' && confirming === 'deactivate' ? (
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
            <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>
              Keep active
            </Button>
          </div>
        ) : null}
        {tenant.status === 'suspended' && confirming === null ? (
          <Button variant="primary" onClick={() => setConfirming('reactivate')} disabled={busy}>
            Reactivate
          </Button>
        ) : null}
        {tenant.status === 'suspended' && confirming === 'reactivate' ? (
          <div className="flex w-full flex-wrap items-center gap-2 rounded-md bg-sky-50 p-3 ring-1 ring-sky-200">
            <p className="flex-1 text-sm text-slate-700">
              Its users will be able to sign in again and its numbers take calls.
            </p>
            {button('reactivate', 'Reactivate now', 'primary')}
            <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>
              Keep deactivated
            </Button>
          </div>
        ) : null}
        {mayOffboard && confirming === null ? (
          <Button variant="danger" onClick={() => setConfirming('offboard')} disabled={busy}>
            Delete tenant (offboard)
          </Button>
        ) : null}
        {mayOffboard && confirming === 'offboard' ? (
          <div className="flex w-full flex-col gap-3 rounded-md bg-rose-50 p-3 ring-1 ring-rose-200">
            <p className="text-sm text-rose-900">
              This exports the tenant’s data (kept for the retention period), cancels its Stripe subscription, releases
              every bot’s number and app, stops its ElevenLabs sync and then deletes every row of it. It cannot be
              undone.
            </p>
            <div className="flex flex-wrap items-end gap-2">
              <TextField
                label={`Type the tenant’s slug (${tenant.slug}) to confirm`}
                name="confirmSlug"
                required
                autoComplete="off"
                value={typedSlug}
                onChange={(event) => setTypedSlug(event.currentTarget.value)}
                className="min-w-64 flex-1"
                error={failure?.fieldErrors?.confirmSlug}
              />
              <Button
                type="submit"
                name="intent"
                value="offboard"
                variant="danger"
                disabled={busy || typedSlug.trim() !== tenant.slug}
              >
                {pending === 'offboard' ? 'Deleting…' : 'Delete this tenant'}
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>
                Keep the tenant
              </Button>
            </div>
          </div>
        ) : null}
      </fetcher.Form>
      <ActionOutcomeAlert idle={fetcher.state === 'idle'} outcome={fetcher.data} />
    </div>
  );
}
