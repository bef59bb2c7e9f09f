import type { Orm } from '../../../db/orm';
import { inScope } from '../../../db/scope';
import { recordAudit } from '../../audit/record-audit';
import { insertRegistration } from '../../tenants/insert-registration';
import type { OnboardingWorkflows } from '../../tenants/onboarding-port';
import { startOnboarding } from '../../tenants/start-onboarding';
import type { OidcIdentity } from './verify-oidc-callback';

/**
 * Sign-up by OpenID Connect: a new organisation with the person as its customer_admin (no password), onboarded
 * like a self-service registration, except that the provider has verified the address already: the onboarding run
 * is started as verified, so it mails no link and goes on to activation. Returns null when the address got an
 * account meanwhile.
 */
export async function registerOidcTenant(
  deps: { orm: Orm; onboarding: OnboardingWorkflows },
  identity: OidcIdentity,
): Promise<{ tenantId: string } | null> {
  const personName = identity.name ?? identity.email.split('@')[0]!;
  const tenantId = await insertRegistration(deps, {
    organisationName: organisationName(personName),
    email: identity.email,
    name: personName,
    passwordHash: null,
    auditDetails: { method: 'oidc', issuer: identity.issuer },
  });
  if (!tenantId) return null;
  await startOnboarding(deps, tenantId, { emailVerifiedBy: 'identity_provider' });
  await inScope(deps.orm, { tenantId }, async (em) => {
    recordAudit(em, {
      actor: { system: 'oidc-login' },
      tenantId,
      action: 'tenant.email_verified_by_identity_provider',
      targetType: 'tenant',
      targetId: tenantId,
      details: { issuer: identity.issuer },
    });
    await em.flush();
  });
  return { tenantId };
}

/** A name the admin can change later; the provider says nothing about organisations. */
const organisationName = (personName: string): string => `${personName}’s organisation`.slice(0, 120);
