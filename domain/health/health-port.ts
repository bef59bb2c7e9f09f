import type { HealthCheck, WorkerCheck } from '../../contracts/health';

/** What the API's health route asks of the workflow engine; temporal/health.ts answers it. */
export interface HealthProbes {
  temporal(): Promise<HealthCheck>;
  workers(): Promise<WorkerCheck>;
}
