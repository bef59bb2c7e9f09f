/**
 * How a save has the tenant's bots follow without the API knowing about Temporal
 * (temporal/prompt-config-client.ts starts the `applyPromptConfig` workflow).
 */
export interface PromptRollouts {
  /** Starts the rollout of one saved version; starting the same version twice runs it once. */
  startRollout(input: { tenantId: string; version: number }): Promise<{ workflowId: string }>;
}
