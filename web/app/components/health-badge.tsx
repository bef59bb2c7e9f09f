import type { IntegrationHealth } from '@contracts/integration-health';

import { Badge, type Tone } from './ui/badge';

type HealthState = 'healthy' | 'not_configured' | 'unreachable';

/** Green: set up and answering; yellow: not set up; red: set up but not answering (or answering with an error). */
function healthState(health: Pick<IntegrationHealth, 'configured' | 'reachable' | 'error'>): HealthState {
  if (!health.configured) return 'not_configured';
  return health.reachable && !health.error ? 'healthy' : 'unreachable';
}

const LOOK: Record<HealthState, { tone: Tone; label: string }> = {
  healthy: { tone: 'green', label: 'Healthy' },
  not_configured: { tone: 'amber', label: 'Not configured' },
  unreachable: { tone: 'red', label: 'Unreachable' },
};

/** One integration's health as a coloured badge; the reason, when there is one, is its tooltip. */
export function HealthBadge({ health }: { health: Pick<IntegrationHealth, 'configured' | 'reachable' | 'error'> }) {
  const state = healthState(health);
  return (
    <span title={health.error ?? undefined} data-health={state}>
      <Badge tone={LOOK[state].tone}>{LOOK[state].label}</Badge>
    </span>
  );
}
