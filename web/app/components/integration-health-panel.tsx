import { useFetcher } from 'react-router';
import { useEffect, useRef } from 'react';

import type { HealthIntegration } from '@contracts/integration-health';
import { formatDateTime } from '~/lib/format';
import type { loader } from '~/routes/integration-health';

import { HealthBadge } from './health-badge';
import { Button } from './ui/button';
import { Card, CardBody, CardHeader } from './ui/card';

const LABELS: Record<HealthIntegration, string> = {
  elevenlabs: 'ElevenLabs',
  twilio: 'Twilio (phone numbers)',
  stripe: 'Stripe (billing)',
  smtp: 'Email (SMTP)',
};

/**
 * Each integration of a tenant with a green, yellow or red badge and why. It loads itself once shown (checking
 * the providers takes a few seconds at most); staff pass the tenant, customers see their own.
 */
export function IntegrationHealthPanel({ tenantId, className }: { tenantId?: string; className?: string }) {
  const fetcher = useFetcher<typeof loader>();
  const source = `/integration-health${tenantId ? `?tenantId=${encodeURIComponent(tenantId)}` : ''}`;
  // The latest `load`, so the effect runs once per tenant rather than whenever the fetcher object changes.
  const load = useRef(fetcher.load);
  load.current = fetcher.load;
  useEffect(() => {
    void load.current(source);
  }, [source]);
  const checking = fetcher.state !== 'idle';
  const data = fetcher.data;
  return (
    <Card className={className}>
      <CardHeader
        title="Integration health"
        description={
          data?.checkedAt ? `Checked ${formatDateTime(data.checkedAt)}` : 'Is each integration set up and answering?'
        }
        actions={
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={checking}
            onClick={() => void load.current(source)}
          >
            {checking ? 'Checking…' : 'Check again'}
          </Button>
        }
      />
      <CardBody>
        {!data ? (
          <p className="text-sm text-slate-500">Checking the integrations…</p>
        ) : data.problem || !data.report ? (
          <p className="text-sm text-slate-600">
            The health cannot be read right now: {data.problem?.detail ?? data.problem?.title ?? 'no answer'}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Integration health">
            {data.report.integrations.map((entry) => (
              <li key={entry.name} className="flex flex-wrap items-start justify-between gap-2 py-2.5">
                <div className="min-w-0">
                  <p className="text-sm font-medium text-slate-900">{LABELS[entry.name]}</p>
                  {entry.status ? <p className="text-xs text-slate-500">{entry.status}</p> : null}
                  {entry.error ? (
                    <p className={`mt-1 text-xs ${entry.configured ? 'text-rose-700' : 'text-amber-800'}`}>
                      {entry.error}
                    </p>
                  ) : null}
                  {entry.last_sync ? (
                    <p className="text-xs text-slate-500">Last sync {formatDateTime(entry.last_sync)}</p>
                  ) : null}
                </div>
                <HealthBadge health={entry} />
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
