import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Actor } from './actor';
import { ROLES, type Role } from '../../contracts/roles';

const ISSUER = 'voiceplane';

export const keyFromSecret = (secret: string): Uint8Array =>
  new Uint8Array(createHash('sha256').update(`jwt:${secret}`).digest());

export async function signAccessToken(actor: Actor, key: Uint8Array, ttlMinutes: number): Promise<string> {
  return new SignJWT({ role: actor.role, tid: actor.tenantId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ttlMinutes}m`)
    .sign(key);
}

/** Returns the actor the token was issued to, or null for any invalid, expired or tampered token. */
export async function verifyAccessToken(token: string, key: Uint8Array): Promise<Actor | null> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
    const role = payload.role as Role;
    if (!payload.sub || !ROLES.includes(role)) return null;
    return { userId: payload.sub, role, tenantId: typeof payload.tid === 'string' ? payload.tid : null };
  } catch {
    return null;
  }
}

export const newOpaqueToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
