import { z } from 'zod';

/** `degraded`: the API works but no worker polls, so workflows wait; `down`: the database or Temporal is out. */
export const HEALTH_STATUSES = ['ok', 'degraded', 'down'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export const HealthCheck = z.object({
  ok: z.boolean(),
  latencyMs: z.number().optional(),
  detail: z.string().optional(),
});
export type HealthCheck = z.infer<typeof HealthCheck>;

export const WorkerCheck = HealthCheck.extend({ pollers: z.int().min(0) });
export type WorkerCheck = z.infer<typeof WorkerCheck>;

export const HealthReport = z
  .object({
    status: z.enum(HEALTH_STATUSES),
    checks: z.object({ db: HealthCheck, temporal: HealthCheck, workers: WorkerCheck }),
  })
  .meta({ id: 'HealthReport' });
export type HealthReport = z.infer<typeof HealthReport>;

/** `GET /api/health/live`: the process answers; nothing else is asked, so a slow database never restarts it. */
export const LivenessReport = z
  .object({
    status: z.literal('alive'),
    /** Seconds since this process started. */
    uptimeSeconds: z.number().min(0),
  })
  .meta({ id: 'LivenessReport' });
export type LivenessReport = z.infer<typeof LivenessReport>;

/** What the API needs before it takes traffic, as `GET /api/health/ready` names them when one is down. */
export const READINESS_CHECKS = ['database', 'temporal', 'migrations'] as const;
export type ReadinessCheck = (typeof READINESS_CHECKS)[number];

/** `GET /api/health/ready` when every readiness check passes (otherwise a 503 problem naming what is down). */
export const ReadinessReport = z
  .object({
    status: z.literal('ready'),
    checks: z.object({
      database: HealthCheck,
      temporal: HealthCheck,
      /** `detail` counts the migrations this code knows that the database has not applied. */
      migrations: HealthCheck,
    }),
  })
  .meta({ id: 'ReadinessReport' });
export type ReadinessReport = z.infer<typeof ReadinessReport>;
