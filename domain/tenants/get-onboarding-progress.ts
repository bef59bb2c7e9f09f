import type { Orm } from '../../db/orm';
import type { Actor } from '../auth/actor';
import type { OnboardingWorkflows } from './onboarding-port';
import type { OnboardingProgress } from '../../contracts/tenants';
import type { OnboardingStep } from '../../contracts/onboarding-step';
import { operatorLink } from '../provisioning/job-view';
import { getTenant } from './get-tenant';

/** Live progress from the running workflow; after it has finished, the step mirrored on the tenant row. */
export async function getOnboardingProgress(
  deps: { orm: Orm; onboarding: OnboardingWorkflows },
  { actor, tenantId }: { actor: Actor; tenantId: string },
): Promise<OnboardingProgress> {
  const tenant = await getTenant(deps, { actor, tenantId });
  const workflowUrl = operatorLink(actor, deps.onboarding.link)(tenantId);
  const live = await deps.onboarding.progress(tenantId);
  if (live) return { ...live, source: 'workflow', workflowUrl };
  return {
    tenantId,
    step: tenant.onboardingStep as OnboardingStep,
    verified: tenant.verifiedAt !== null,
    verificationDeadline: null,
    history: [],
    source: 'database',
    workflowUrl,
  };
}
