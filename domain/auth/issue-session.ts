import { randomUUID } from 'node:crypto';
import { RefreshSession } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import type { Actor } from './actor';
import type { AuthSettings } from './auth-settings';
import { issueCsrfToken } from './csrf-token';
import { hashToken, newOpaqueToken, signAccessToken } from './tokens';

export interface IssuedSession {
  accessToken: string;
  accessExpiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
  /** The double-submit CSRF token for this session, signed for its user. */
  csrfToken: string;
}

/** Mints an access token and a refresh token; the refresh token joins `familyId` or starts a new family. */
export async function issueSession(
  em: ScopedEm,
  settings: AuthSettings,
  actor: Actor,
  familyId: string = randomUUID(),
): Promise<IssuedSession> {
  const refreshToken = newOpaqueToken();
  const refreshExpiresAt = new Date(Date.now() + settings.refreshTtlDays * 86_400_000);
  em.create(RefreshSession, {
    userId: actor.userId,
    tenantId: actor.tenantId,
    familyId,
    tokenHash: hashToken(refreshToken),
    expiresAt: refreshExpiresAt,
  });
  await em.flush();
  return {
    accessToken: await signAccessToken(actor, settings.tokenKey, settings.accessTtlMinutes),
    accessExpiresAt: new Date(Date.now() + settings.accessTtlMinutes * 60_000),
    refreshToken,
    refreshExpiresAt,
    csrfToken: issueCsrfToken(settings.tokenKey, actor.userId),
  };
}
