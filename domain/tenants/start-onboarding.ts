import { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { AppError } from '../errors/app-error';
import type { OnboardingOptions, OnboardingWorkflows } from './onboarding-port';

/**
 * Starts onboarding for a freshly inserted tenant. If the workflow cannot be started, the tenant is removed
 * again: a tenant without its onboarding run would wait for a verification that can never arrive.
 */
export async function startOnboarding(
  deps: { orm: Orm; onboarding: OnboardingWorkflows },
  tenantId: string,
  options: OnboardingOptions = {},
): Promise<{ workflowId: string }> {
  try {
    return await deps.onboarding.start(tenantId, options);
  } catch (cause) {
    await inScope(deps.orm, { system: 'onboarding-start-failed' }, (em) => em.nativeDelete(Tenant, { id: tenantId }));
    throw new AppError('unavailable', 'The workflow service is unavailable; nothing was created, please retry', {
      cause,
    });
  }
}
