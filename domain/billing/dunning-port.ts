import type { DunningProgress } from '../../contracts/dunning';

/** One dunning per tenant at a time, under a business id (decision 011). */
export const dunningWorkflowId = (tenantId: string): string => `dunning-${tenantId}`;

/** How the inbox relay and the API drive a tenant's dunning without knowing about Temporal. */
export interface DunningWorkflows {
  /** Starts the tenant's dunning or, while one runs, tells it of another failed payment (signal-with-start). */
  paymentFailed(input: { tenantId: string; stripeEventId: string }): Promise<{ workflowId: string }>;
  /** Tells the running dunning that the overdue payment arrived; false when none runs. */
  paymentReceived(input: { tenantId: string; stripeEventId: string }): Promise<boolean>;
  /** Has the worker deliver queued `email_outbox` rows; repeating it for the same rows sends nothing twice. */
  deliverMail(outbox: { tenantId: string; outboxIds: string[] }): Promise<void>;
  /** Where the tenant's dunning stands; null when none runs. */
  progress(tenantId: string): Promise<DunningProgress | null>;
  /** Web UI address of the tenant's dunning, for operators. */
  link(tenantId: string): string;
}
