import { Tenant, User } from '../../../db/entities';
import type { Orm } from '../../../db/orm';
import { inScope } from '../../../db/scope';
import type { UserView } from '../../../contracts/users';
import { recordAudit } from '../../audit/record-audit';
import type { OnboardingWorkflows } from '../../tenants/onboarding-port';
import { tenantAllowsSessions } from '../../tenants/tenant-status';
import { toUserView } from '../../users/user-view';
import type { AuthSettings } from '../auth-settings';
import { issueSession, type IssuedSession } from '../issue-session';
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
      if (!user.isActive) throw new OidcLoginFailure('oidc_account_deactivated', `${user.id} is deactivated`);
      if (user.tenantId) {
        const tenant = await em.findOneOrFail(Tenant, { id: user.tenantId });
        if (!tenantAllowsSessions(tenant.status)) {
          throw new OidcLoginFailure('oidc_organisation_closed', `Tenant ${tenant.id} is ${tenant.status}`);
        }
      }
      user.lastLoginAt = now;
      const actor = { userId: user.id, role: user.role, tenantId: user.tenantId ?? null };
      recordAudit(em, {
        actor,
        action: 'user.signed_in',
        targetType: 'user',
        targetId: user.id,
        details: { method: 'oidc', issuer: identity.issuer },
      });
      return { ...(await issueSession(em, deps.auth, actor)), user: toUserView(user) };
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
