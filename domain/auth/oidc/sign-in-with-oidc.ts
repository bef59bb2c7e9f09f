import { User } from '../../../db/entities';
import type { Orm } from '../../../db/orm';
import { inScope } from '../../../db/scope';
import type { UserView } from '../../../contracts/users';
import { recordAudit } from '../../audit/record-audit';
import type { OnboardingWorkflows } from '../../tenants/onboarding-port';
import type { AuthSettings } from '../auth-settings';
import { openAccountSession, signInRefusal } from '../account-sign-in';
import type { IssuedSession } from '../issue-session';
import { issueKnownDevice } from '../known-device';
import { accountKey } from '../login-backoff';
import { OidcLoginFailure } from './oidc-login-failure';
import { registerOidcTenant } from './register-oidc-tenant';
import type { OidcIdentity } from './verify-oidc-callback';

/** `_`, `%` and `\` match literally in an ILIKE pattern. */
const literalPattern = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Signs in the person the provider vouched for: the account with that email (any case), under the same rules as a
 * password sign-in (deactivated accounts and closed organisations are refused), or else a new organisation of
 * theirs. The session, known-device token and `lastLoginAt` are those of a password sign-in; the sign-in is audited.
 */
export async function signInWithOidc(
  deps: { orm: Orm; auth: AuthSettings; onboarding: OnboardingWorkflows },
  identity: OidcIdentity,
  now = new Date(),
): Promise<IssuedSession & { user: UserView; deviceToken: string }> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const session = await inScope(deps.orm, { system: 'oidc-login' }, async (em) => {
      const user = await em.findOne(User, { email: { $ilike: literalPattern(identity.email) } });
      if (!user) return null;
      const refusal = await signInRefusal(em, user);
      if (refusal?.reason === 'deactivated') {
        throw new OidcLoginFailure('oidc_account_deactivated', `${user.id} is deactivated`);
      }
      if (refusal) {
        throw new OidcLoginFailure('oidc_organisation_closed', `Tenant ${user.tenantId} is ${refusal.tenantStatus}`);
      }
      recordAudit(em, {
        actor: { userId: user.id, role: user.role, tenantId: user.tenantId ?? null },
        action: 'user.signed_in',
        targetType: 'user',
        targetId: user.id,
        details: { method: 'oidc', issuer: identity.issuer },
      });
      return openAccountSession(em, deps.auth, user, now);
    });
    if (session) {
      const deviceToken = issueKnownDevice(deps.auth.tokenKey, accountKey(identity.email), now.getTime());
      return { ...session, deviceToken };
    }
    // No account yet: create one, then sign it in above (a concurrent sign-up of the same address wins instead).
    await registerOidcTenant(deps, identity);
  }
  throw new OidcLoginFailure('oidc_failed', 'No account could be found or created for the address');
}
