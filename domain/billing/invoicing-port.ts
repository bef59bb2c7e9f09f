/** How the API starts invoice runs without knowing about Temporal (temporal/invoicing-client.ts). */
export interface InvoicingWorkflows {
  /** Starts one tenant's run of a period (`invoice-<tenantId>-<period>`); a run already under way is kept. */
  startTenantRun(input: { tenantId: string; period: string }): Promise<{ workflowId: string }>;
  /** Starts a run over every billable tenant of the period. */
  startPeriodRun(input: { period: string }): Promise<{ workflowId: string }>;
  /** Where operators open a run in Temporal's UI. */
  link(workflowId: string): string;
}
