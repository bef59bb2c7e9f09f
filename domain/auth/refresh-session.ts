import { RefreshSession } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import { AppError } from '../errors/app-error';
import type { AuthSettings } from './auth-settings';
import { findSessionActor } from './authenticate';
import { issueSession, type IssuedSession } from './issue-session';
import { hashToken } from './tokens';

const EXPIRED = 'Your session has expired; please sign in again';

/**
 * Rotates a refresh token: the presented token is spent and a new one of the same family is issued.
 * Presenting an already-spent token means it leaked, so the whole family is revoked.
 */
export async function refreshSession(
  deps: { orm: Orm; auth: AuthSettings },
  refreshToken: string,
): Promise<IssuedSession> {
  const outcome = await inScope(deps.orm, { system: 'refresh' }, async (em) => {
    const session = await em.findOne(RefreshSession, { tokenHash: hashToken(refreshToken) });
    if (!session || session.revokedAt || session.expiresAt < new Date()) return { ok: false, error: EXPIRED } as const;
    // Spend the token atomically, so two concurrent refreshes cannot both succeed.
    const spent = await em.nativeUpdate(RefreshSession, { id: session.id, rotatedAt: null }, { rotatedAt: new Date() });
    if (spent === 0) {
      await revokeFamily(em, session.familyId);
      return { ok: false, error: 'This session was ended because its refresh token was used twice' } as const;
    }
    // A deactivated user or a suspended tenant ends the family for good: reactivation means signing in again.
    const actor = await findSessionActor(em, session.userId);
    if (!actor) {
      await revokeFamily(em, session.familyId);
      return { ok: false, error: EXPIRED } as const;
    }
    return { ok: true, session: await issueSession(em, deps.auth, actor, session.familyId) } as const;
  });
  // Revocations above must commit, so the error is thrown only after the transaction ends.
  if (!outcome.ok) throw new AppError('unauthorized', outcome.error);
  return outcome.session;
}

export async function revokeFamily(em: ScopedEm, familyId: string): Promise<void> {
  await em.nativeUpdate(RefreshSession, { familyId, revokedAt: null }, { revokedAt: new Date() });
}
