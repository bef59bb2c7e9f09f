import type { OnboardingRunProgress } from './onboarding-steps';

/** How use cases drive the onboarding workflow (and the delivery of the mails they queue) without Temporal. */
/** Who vouched for the new tenant's contact address before onboarding started. */
export type EmailVerifier = 'identity_provider';

/** What a sign-up adds to the run: the plan the customer chose (a paid one is paid through Checkout). */
export interface OnboardingOptions {
  planCode?: string;
  /** Set when the address is verified already (an OpenID Connect sign-up): no verification mail, no wait. */
  emailVerifiedBy?: EmailVerifier;
}

export interface OnboardingWorkflows {
  start(tenantId: string, options?: OnboardingOptions): Promise<{ workflowId: string }>;
  /** Returns false when no onboarding run is waiting (already finished or never started). */
  signalEmailVerified(tenantId: string): Promise<boolean>;
  /** Null when the workflow can no longer be asked (finished and gone, or not found). */
  progress(tenantId: string): Promise<OnboardingRunProgress | null>;
  /** Has the worker deliver a queued `email_outbox` row; repeating it for the same row sends nothing twice. */
  deliverEmail(outbox: { id: string; tenantId: string | null }): Promise<void>;
  /** Web UI address of the run, for operators. */
  link(tenantId: string): string;
}
