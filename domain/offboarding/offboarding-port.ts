// How the API starts a tenant's offboarding without knowing about Temporal (temporal/offboarding-client.ts).

export interface OffboardingWorkflows {
  /** Starts (or, after a failed run, resumes) the tenant's `offboardTenant` run; a run under way is joined. */
  start(input: { tenantId: string; runId: string }): Promise<{ workflowId: string }>;
  /** The run in Temporal's Web UI. */
  link(workflowId: string): string | null;
}

/** One offboarding per tenant; a failed run is resumed under the same id. */
export const offboardingWorkflowId = (tenantId: string): string => `offboard-tenant-${tenantId}`;
