import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const mac = (key: Uint8Array, userId: string, nonce: string) =>
  createHmac('sha256', key).update(`csrf:${userId}:${nonce}`).digest('base64url');

/**
 * A double-submit token signed for one user: a cookie planted by a sibling origin cannot pass for the victim's,
 * because its signature would not name the victim.
 */
export function issueCsrfToken(key: Uint8Array, userId: string): string {
  const nonce = randomBytes(18).toString('base64url');
  return `${nonce}.${mac(key, userId, nonce)}`;
}

/** Compares SHA-256 digests, so any two strings (any length, any characters) compare in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** Whether the token was issued to this user by this platform. */
export function csrfTokenBelongsTo(key: Uint8Array, token: string, userId: string): boolean {
  const [nonce, signature, extra] = token.split('.');
  if (!nonce || !signature || extra !== undefined) return false;
  return sameSecret(signature, mac(key, userId, nonce));
}
