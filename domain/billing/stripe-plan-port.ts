/**
 * How the API has Stripe follow a platform admin's plan change without knowing about Temporal
 * (temporal/stripe-plan-client.ts starts the `changeStripePlan` workflow).
 */
export interface StripePlanWorkflows {
  /** Starts the follow-up of one plan change (`changeId` in its audit row); a second start of it runs nothing. */
  startPlanChange(input: { tenantId: string; changeId: string }): Promise<{ workflowId: string }>;
}
