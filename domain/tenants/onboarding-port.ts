import type { OnboardingProgress } from './onboarding-steps';

/** How use cases drive the onboarding workflow without knowing about Temporal. */
export interface OnboardingWorkflows {
  start(tenantId: string): Promise<{ workflowId: string }>;
  /** Returns false when no onboarding run is waiting (already finished or never started). */
  signalEmailVerified(tenantId: string): Promise<boolean>;
  /** Null when the workflow can no longer be asked (finished and gone, or not found). */
  progress(tenantId: string): Promise<OnboardingProgress | null>;
  /** Web UI address of the run, for operators. */
  link(tenantId: string): string;
}
