import { createHmac, randomBytes } from 'node:crypto';
import { sameSecret } from './csrf-token';

/** How long a browser that signed in to an account stays known to it. */
export const KNOWN_DEVICE_TTL_MS = 180 * 86_400_000;

const mac = (key: Uint8Array, account: string, nonce: string, issuedAt: number) =>
  createHmac('sha256', key).update(`device:${account}:${nonce}:${issuedAt}`).digest('base64url');

/**
 * A device token proves "this browser signed in to this account before" (OWASP's device cookie). Its holder skips
 * the account's sign-in delay, so an attacker who slows an account down does not slow its owner down.
 */
export function issueKnownDevice(key: Uint8Array, account: string, now = Date.now()): string {
  const nonce = randomBytes(12).toString('base64url');
  return `${nonce}.${now}.${mac(key, account, nonce, now)}`;
}

export function isKnownDevice(key: Uint8Array, account: string, token: unknown, now = Date.now()): boolean {
  if (typeof token !== 'string') return false;
  const match = /^([\w-]{16})\.(\d{13})\.([\w-]{43})$/.exec(token);
  if (!match) return false;
  const issuedAt = Number(match[2]);
  if (issuedAt > now || now - issuedAt > KNOWN_DEVICE_TTL_MS) return false;
  return sameSecret(mac(key, account, match[1]!, issuedAt), match[3]!);
}
