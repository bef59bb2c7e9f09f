import { redirect } from 'react-router';

import { createApi, forbidden } from './api.server';
import type { Me } from '@contracts/auth';
import { ACCESS_COOKIE, readCookie } from './cookies';
import { homeFor } from './roles';
import { can, type Permission } from '@contracts/grants';
import { isPlatformRole } from '@contracts/roles';

const meByRequest = new WeakMap<Request, Promise<Me>>();

/** The signed-in user (GET /api/auth/me), once per request however many loaders ask. */
export function getMe(request: Request): Promise<Me> {
  let me = meByRequest.get(request);
  if (!me) {
    me = createApi(request).me();
    meByRequest.set(request, me);
  }
  return me;
}

/**
 * The signed-in user if their role may use this part of the app. Every loader of a portal calls it (Remix runs
 * a layout's loader in parallel with its children's, so the layout alone cannot keep data from being fetched).
 */
export async function requireUser(request: Request, portal: 'admin' | 'app'): Promise<Me> {
  const me = await getMe(request);
  const staff = isPlatformRole(me.user.role);
  if (portal === 'admin' && !staff) {
    throw forbidden('This page belongs to the VoicePlane platform team. Your account uses the customer portal.');
  }
  // Staff have no tenant of their own: their portal is the admin one.
  if (portal === 'app' && staff) throw redirect(homeFor(me.user.role));
  return me;
}

/** Refuses (403) a user whose role lacks `permission` in the grants table the API enforces (contracts/grants.ts). */
export function assertMay(me: Me, permission: Permission, what: string): void {
  if (!can(me.user.role, permission)) throw forbidden(`Your role may not ${what}.`);
}

export async function requirePermission(
  request: Request,
  portal: 'admin' | 'app',
  permission: Permission,
  what: string,
): Promise<Me> {
  const me = await requireUser(request, portal);
  assertMay(me, permission, what);
  return me;
}

/**
 * When the access token in the cookie expires (ISO time), read from its payload without verifying it: the
 * browser uses it only to refresh the session a little before, the API verifies every request.
 */
export function sessionExpiresAt(request: Request): string | null {
  const token = readCookie(request.headers.get('cookie'), ACCESS_COOKIE);
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? new Date(exp * 1000).toISOString() : null;
  } catch {
    return null;
  }
}
