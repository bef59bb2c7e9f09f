import type { OnboardingRunProgress } from './onboarding-steps';

/** How use cases drive the onboarding workflow (and the delivery of the mails they queue) without Temporal. */
export interface OnboardingWorkflows {
  start(tenantId: string): Promise<{ workflowId: string }>;
  /** Returns false when no onboarding run is waiting (already finished or never started). */
  signalEmailVerified(tenantId: string): Promise<boolean>;
  /** Null when the workflow can no longer be asked (finished and gone, or not found). */
  progress(tenantId: string): Promise<OnboardingRunProgress | null>;
  /** Has the worker deliver a queued `email_outbox` row; repeating it for the same row sends nothing twice. */
  deliverEmail(outbox: { id: string; tenantId: string | null }): Promise<void>;
  /** Web UI address of the run, for operators. */
  link(tenantId: string): string;
}
