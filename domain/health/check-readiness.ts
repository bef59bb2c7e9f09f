import type { HealthCheck, ReadinessCheck, ReadinessReport } from '../../contracts/health';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { AppError } from '../errors/app-error';
import type { HealthProbes } from './health-port';
import { pendingMigrations } from './pending-migrations';

/** A probe that hangs (a dropped connection, a firewall) answers "down" after this long, not never. */
export const READINESS_PROBE_TIMEOUT_MS = 3_000;

/**
 * May this API take traffic: the database answers, Temporal answers, and every migration this code ships is
 * applied. Workers are not asked (the API serves without them; `/api/health` reports them). A failing check
 * throws a 503 naming each one that is down; the causes' messages stay in the log, out of the unauthenticated
 * answer (they may name hosts or users).
 */
export async function checkReadiness(
  deps: { orm: Orm; health: Pick<HealthProbes, 'temporal'> },
  options: { timeoutMs?: number; onProbeError?: (check: ReadinessCheck, error: unknown) => void } = {},
): Promise<ReadinessReport> {
  const timeoutMs = options.timeoutMs ?? READINESS_PROBE_TIMEOUT_MS;
  const probe = async (check: ReadinessCheck, run: () => Promise<HealthCheck>): Promise<HealthCheck> => {
    const started = Date.now();
    try {
      const result = await withTimeout(run(), timeoutMs, `${check} did not answer within ${timeoutMs} ms`);
      return { ...result, latencyMs: Date.now() - started };
    } catch (error) {
      options.onProbeError?.(check, error);
      return { ok: false, detail: 'unreachable' };
    }
  };
  const [database, temporal, migrations] = await Promise.all([
    probe('database', async () => {
      await inScope(deps.orm, { system: 'health' }, (em) => em.execute('select 1'));
      return { ok: true };
    }),
    probe('temporal', () => deps.health.temporal()),
    probe('migrations', async () => {
      const pending = await pendingMigrations(deps.orm);
      return pending.length === 0 ? { ok: true } : { ok: false, detail: `${pending.length} pending` };
    }),
  ]);
  const checks = { database, temporal, migrations };
  const down = (Object.keys(checks) as ReadinessCheck[]).filter((name) => !checks[name].ok);
  if (down.length > 0) {
    const what = down.map((name) => (checks[name].detail ? `${name} (${checks[name].detail})` : name));
    throw new AppError('unavailable', `Not ready: ${what.join(', ')}`, { extensions: { down: down.join(',') } });
  }
  return { status: 'ready', checks };
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
