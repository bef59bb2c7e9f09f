import type { OnboardingProgress } from '../../contracts/tenants';

/** What the onboarding workflow's query answers: the API's view without where it came from and the operator link. */
export type OnboardingRunProgress = Omit<OnboardingProgress, 'source' | 'workflowUrl'>;

export const onboardingWorkflowId = (tenantId: string): string => `tenant-onboarding-${tenantId}`;
