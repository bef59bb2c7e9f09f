import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { hashPassword } from '../auth/password';
import { insertRegistration } from './insert-registration';
import { notifyRegistrationAttempt } from './notify-registration-attempt';
import { resolveSignupPlan } from './resolve-signup-plan';
import type { OnboardingWorkflows } from './onboarding-port';
import { startOnboarding } from './start-onboarding';
import type { RegisterBody } from '../../contracts/auth';

/**
 * Self-service sign-up. The caller learns nothing about whether the address already has an account: a new one
 * gets a pending tenant (with its first customer_admin) and a verification mail, a known one a notice to its
 * owner. Both branches hash the password, write a row and start one workflow, so they take about as long too.
 * The chosen plan (the default when none) is kept on the tenant; onboarding starts the free default plan and, for a
 * paid choice, waits for its Checkout after verification.
 */
export async function registerTenant(
  deps: { orm: Orm; onboarding: OnboardingWorkflows; publicBaseUrl: string },
  input: RegisterBody,
): Promise<void> {
  // The plan is checked first, for known and new addresses alike, so a refusal says nothing about the email.
  const plan = await inScope(deps.orm, { system: 'register' }, (em) => resolveSignupPlan(em, input.planSlug));
  const passwordHash = await hashPassword(input.password);
  const tenantId = await insertRegistration(deps, {
    organisationName: input.companyName,
    email: input.email,
    name: input.name,
    passwordHash,
    signupPlan: plan.code,
    auditDetails: { planCode: plan.code },
  });
  if (tenantId) await startOnboarding(deps, tenantId, { planCode: plan.code });
  else await notifyRegistrationAttempt(deps, input.email);
}
