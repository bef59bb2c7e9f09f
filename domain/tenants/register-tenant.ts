import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/password';
import { AppError } from '../errors/app-error';
import { toUserView, type UserView } from '../users/user-view';
import { insertTenant } from './insert-tenant';
import type { OnboardingWorkflows } from './onboarding-port';
import { startOnboarding } from './start-onboarding';
import type { RegisterBody } from './tenant-schemas';
import { toTenantView, type TenantView } from './tenant-view';

/** Self-service sign-up: a new tenant with its first customer_admin, pending until the email is verified. */
export async function registerTenant(
  deps: { orm: Orm; onboarding: OnboardingWorkflows },
  input: RegisterBody,
): Promise<{ tenant: TenantView; user: UserView }> {
  const passwordHash = await hashPassword(input.password);
  const created = await inScope(deps.orm, { system: 'register' }, async (em) => {
    if (await em.findOne(User, { email: input.email })) throw emailTaken();
    const tenant = await insertTenant(em, { name: input.companyName, contactEmail: input.email });
    const user = em.create(User, {
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
    await em.flush().catch((error: unknown) => {
      throw error instanceof UniqueConstraintViolationException ? emailTaken() : error;
    });
    return { tenant, user };
  });
  await startOnboarding(deps, created.tenant.id);
  return { tenant: toTenantView(created.tenant), user: toUserView(created.user) };
}

const emailTaken = () =>
  new AppError('conflict', 'This email is already registered', { errors: [{ path: 'email', message: 'taken' }] });
