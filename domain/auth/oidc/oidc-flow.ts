import { createHmac } from 'node:crypto';
import { sameSecret } from '../csrf-token';

/** What the callback must see again: the `state` and `nonce` sent and the PKCE verifier behind the challenge. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** How long a browser may spend at the provider between "Sign in with …" and coming back. */
export const OIDC_FLOW_TTL_MS = 10 * 60_000;

const mac = (key: Uint8Array, payload: string) =>
  createHmac('sha256', key).update(`oidc-flow:${payload}`).digest('base64url');

/**
 * Seals a flow into a cookie value the browser carries to the provider and back: signed with the platform key, so
 * a flow planted or edited by someone else fails, and dated, so an old one fails too. It names no account.
 */
export function sealOidcFlow(key: Uint8Array, flow: OidcFlow, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...flow, exp: now + OIDC_FLOW_TTL_MS })).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** The flow sealed in `value`, or null when it is missing, altered or expired. */
export function openOidcFlow(key: Uint8Array, value: unknown, now = Date.now()): OidcFlow | null {
  if (typeof value !== 'string' || value.length > 2_000) return null;
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined || !sameSecret(signature, mac(key, payload))) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { state, nonce, codeVerifier, exp } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string') return null;
  if (typeof exp !== 'number' || exp < now) return null;
  return { state, nonce, codeVerifier };
}
