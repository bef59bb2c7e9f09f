/** What the API's health route asks of the workflow engine; temporal/health.ts answers it. */
export interface HealthProbes {
  temporal(): Promise<{ ok: boolean; detail?: string }>;
  workers(): Promise<{ ok: boolean; pollers: number; detail?: string }>;
}
