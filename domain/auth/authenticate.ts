import { User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from './actor';
import { verifyAccessToken } from './tokens';

/**
 * Resolves an access token to its actor. The user row is read on every request (one primary-key look-up),
 * so deactivation or a role change takes effect on the very next request, not when the token expires.
 */
export async function authenticate(deps: { orm: Orm; tokenKey: Uint8Array }, token: string): Promise<Actor | null> {
  const claimed = await verifyAccessToken(token, deps.tokenKey);
  if (!claimed) return null;
  const user = await inScope(deps.orm, { system: 'authenticate' }, (em) =>
    em.findOne(User, { id: claimed.userId }, { fields: ['id', 'role', 'tenantId', 'isActive'] }),
  );
  if (!user?.isActive) return null;
  return { userId: user.id, role: user.role, tenantId: user.tenantId ?? null };
}
