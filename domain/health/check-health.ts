import type { HealthCheck, HealthReport, WorkerCheck } from '../../contracts/health';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { HealthProbes } from './health-port';

/** Asks the database, Temporal and the task queue's workers; a failing probe is reported, never thrown. */
export async function checkHealth(deps: { orm: Orm; health: HealthProbes }): Promise<HealthReport> {
  const started = Date.now();
  const [db, temporal, workers] = await Promise.all([
    inScope(deps.orm, { system: 'health' }, (em) => em.execute('select 1')).then(
      (): HealthCheck => ({ ok: true, latencyMs: Date.now() - started }),
      (error: Error): HealthCheck => ({ ok: false, detail: error.message }),
    ),
    deps.health.temporal().catch((error: Error): HealthCheck => ({ ok: false, detail: error.message })),
    deps.health.workers().catch((error: Error): WorkerCheck => ({ ok: false, pollers: 0, detail: error.message })),
  ]);
  const status = db.ok && temporal.ok ? (workers.ok ? 'ok' : 'degraded') : 'down';
  return { status, checks: { db, temporal, workers } };
}
