import { RefreshSession } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { hashToken } from './tokens';

/** Whose live session a refresh token belongs to (null for an unknown, revoked or expired one). */
export async function refreshSessionOwner(orm: Orm, refreshToken: string): Promise<string | null> {
  const session = await inScope(orm, { system: 'csrf-refresh-owner' }, (em) =>
    em.findOne(
      RefreshSession,
      { tokenHash: hashToken(refreshToken), revokedAt: null },
      { fields: ['userId', 'expiresAt'] },
    ),
  );
  return session && session.expiresAt > new Date() ? session.userId : null;
}
