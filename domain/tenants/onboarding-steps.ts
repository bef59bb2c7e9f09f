import type { OnboardingProgress } from '../../contracts/tenants';

/**
 * What the onboarding workflow's query answers: the API's view without where it came from, the operator link, and
 * the sign-up plan and stages (read from the database, which learns of a payment before the run does).
 */
export type OnboardingRunProgress = Omit<OnboardingProgress, 'source' | 'workflowUrl' | 'planCode' | 'stages'>;

export const onboardingWorkflowId = (tenantId: string): string => `tenant-onboarding-${tenantId}`;
