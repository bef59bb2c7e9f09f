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
