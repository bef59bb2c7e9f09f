/**
 * Shape of the status information rendered on the landing page. Shared by the
 * server-side loader (lib/health.server.ts) and the UI.
 */

export type ComponentState = 'ok' | 'degraded' | 'down' | 'unknown';

export type ComponentKey = 'db' | 'temporal' | 'worker';

export interface ComponentStatus {
  key: ComponentKey;
  label: string;
  state: ComponentState;
  detail?: string;
}

export type HealthReport =
  | {
      reachable: true;
      /** HTTP status of GET /api/health (503 usually means "degraded"). */
      httpStatus: number;
      overall: ComponentState;
      version?: string;
      components: ComponentStatus[];
      checkedAt: string;
    }
  | {
      reachable: false;
      /** Human-readable reason, e.g. "connection refused". */
      reason: string;
      components: ComponentStatus[];
      checkedAt: string;
    };

export const COMPONENT_LABELS: Record<ComponentKey, string> = {
  db: 'Database',
  temporal: 'Temporal',
  worker: 'Worker',
};
