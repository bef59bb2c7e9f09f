import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/password';
import { insertTenant } from './insert-tenant';
import { notifyRegistrationAttempt } from './notify-registration-attempt';
import type { OnboardingWorkflows } from './onboarding-port';
import { startOnboarding } from './start-onboarding';
import type { RegisterBody } from '../../contracts/auth';

/**
 * Self-service sign-up. The caller learns nothing about whether the address already has an account: a new one
 * gets a pending tenant (with its first customer_admin) and a verification mail, a known one a notice to its
 * owner. Both branches hash the password, write a row and start one workflow, so they take about as long too.
 */
export async function registerTenant(
  deps: { orm: Orm; onboarding: OnboardingWorkflows; publicBaseUrl: string },
  input: RegisterBody,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const tenantId = await insertRegistration(deps.orm, input, passwordHash);
  if (tenantId) await startOnboarding(deps, tenantId);
  else await notifyRegistrationAttempt(deps, input.email);
}

/** The new tenant's id, or null when the email is taken (also when a concurrent sign-up took it first). */
async function insertRegistration(orm: Orm, input: RegisterBody, passwordHash: string): Promise<string | null> {
  try {
    return await inScope(orm, { system: 'register' }, async (em) => {
      if (await em.findOne(User, { email: input.email })) return null;
      const tenant = await insertTenant(em, { name: input.companyName, contactEmail: input.email });
      em.create(User, {
        tenantId: tenant.id,
        email: input.email,
        name: input.name,
        role: 'customer_admin',
        passwordHash,
      });
      recordAudit(em, {
        actor: null,
        tenantId: tenant.id,
        action: 'tenant.registered',
        targetType: 'tenant',
        targetId: tenant.id,
      });
      await em.flush();
      return tenant.id;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return null;
    throw error;
  }
}
