import { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import type { OnboardingStep } from '../../contracts/onboarding-step';

/** Mirrors the onboarding workflow's step into `tenants.onboarding_step` for lists; progress only, not audited. */
export async function recordOnboardingStep(
  deps: { orm: Orm },
  { actor, tenantId, step }: { actor: SystemActor; tenantId: string; step: OnboardingStep },
): Promise<void> {
  await inScope(deps.orm, actor, (em) => em.nativeUpdate(Tenant, { id: tenantId }, { onboardingStep: step }));
}
