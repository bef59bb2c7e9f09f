import { RefreshSession } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { revokeFamily } from './refresh-session';
import { hashToken } from './tokens';

/** Ends the session family the refresh token belongs to; unknown tokens are ignored (logout always succeeds). */
export async function logout(deps: { orm: Orm }, refreshToken: string | undefined): Promise<void> {
  if (!refreshToken) return;
  await inScope(deps.orm, { system: 'logout' }, async (em) => {
    const session = await em.findOne(RefreshSession, { tokenHash: hashToken(refreshToken) });
    if (session) await revokeFamily(em, session.familyId);
  });
}
