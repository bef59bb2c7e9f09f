import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import type { OnboardingWorkflows } from './onboarding-port';
import type { OnboardingProgress } from '../../contracts/tenants';
import type { OnboardingStep } from '../../contracts/onboarding-step';
import { operatorLink } from '../provisioning/job-view';
import { getTenant } from './get-tenant';
import { readSignupStanding } from './read-signup-standing';
import { signupStages } from './signup-stages';

/** Live progress from the running workflow; after it has finished, the step mirrored on the tenant row. */
export async function getOnboardingProgress(
  deps: { orm: Orm; onboarding: OnboardingWorkflows },
  { actor, tenantId }: { actor: Actor; tenantId: string },
): Promise<OnboardingProgress> {
  const tenant = await getTenant(deps, { actor, tenantId });
  const workflowUrl = operatorLink(actor, deps.onboarding.link)(tenantId);
  const { planCode, paymentRequired, paid } = (await inScope(deps.orm, scopeOf(actor), (em) =>
    readSignupStanding(em, tenantId),
  )) ?? { planCode: null, paymentRequired: false, paid: false };
  const live = await deps.onboarding.progress(tenantId);
  // The run checks for the payment now and then; the database knows at once when Checkout has been paid.
  const step = live?.step ?? (tenant.onboardingStep as OnboardingStep);
  const verified = live?.verified ?? tenant.verifiedAt !== null;
  const stages = signupStages({ step, verified, paymentRequired, paid });
  if (live) return { ...live, planCode, stages, source: 'workflow', workflowUrl };
  return {
    tenantId,
    step,
    verified,
    verificationDeadline: null,
    history: [],
    planCode,
    stages,
    source: 'database',
    workflowUrl,
  };
}
