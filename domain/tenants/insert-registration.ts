import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import { insertTenant } from './insert-tenant';

/** A self-service sign-up: the new organisation and the person who becomes its first customer_admin. */
export interface Registration {
  organisationName: string;
  email: string;
  name: string;
  /** Null for an account that signs in only through an identity provider. */
  passwordHash: string | null;
  /** The plan chosen at sign-up, kept on the tenant. */
  signupPlan?: string;
  /** How the sign-up came about, kept in the `tenant.registered` audit record. */
  auditDetails: Record<string, unknown>;
}

/**
 * Inserts a pending tenant with its first customer_admin and audits the registration, in one transaction. The new
 * tenant's id, or null when the email has an account already (also when a concurrent sign-up took it first).
 */
export async function insertRegistration(deps: { orm: Orm }, registration: Registration): Promise<string | null> {
  try {
    return await inScope(deps.orm, { system: 'register' }, async (em) => {
      if (await em.findOne(User, { email: registration.email })) return null;
      const tenant = await insertTenant(em, {
        name: registration.organisationName,
        contactEmail: registration.email,
      });
      if (registration.signupPlan !== undefined) tenant.signupPlan = registration.signupPlan;
      em.create(User, {
        tenantId: tenant.id,
        email: registration.email,
        name: registration.name,
        role: 'customer_admin',
        passwordHash: registration.passwordHash,
      });
      recordAudit(em, {
        actor: null,
        tenantId: tenant.id,
        action: 'tenant.registered',
        targetType: 'tenant',
        targetId: tenant.id,
        details: registration.auditDetails,
      });
      await em.flush();
      return tenant.id;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return null;
    throw error;
  }
}
