import type { FastifyReply } from 'fastify';
import type { IssuedSession } from '../domain/auth/issue-session';

export const ACCESS_COOKIE = 'vp_access';
export const REFRESH_COOKIE = 'vp_refresh';
export const CSRF_COOKIE = 'vp_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Marks a browser that signed in to an account before (domain/auth/known-device.ts). */
export const DEVICE_COOKIE = 'vp_device';
/** The refresh cookie only travels to the endpoints that use it. */
const REFRESH_PATH = '/api/auth';

export function setSessionCookies(reply: FastifyReply, session: IssuedSession, secure: boolean): void {
  reply
    .setCookie(ACCESS_COOKIE, session.accessToken, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: '/',
      expires: session.accessExpiresAt,
    })
    .setCookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      secure,
      sameSite: 'strict',
      path: REFRESH_PATH,
      expires: session.refreshExpiresAt,
    })
    // Double-submit token: readable by our own pages, echoed in a header on every cookie-authenticated change.
    .setCookie(CSRF_COOKIE, session.csrfToken, {
      httpOnly: false,
      secure,
      sameSite: 'lax',
      path: '/',
      expires: session.refreshExpiresAt,
    });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply
    .clearCookie(ACCESS_COOKIE, { path: '/' })
    .clearCookie(REFRESH_COOKIE, { path: REFRESH_PATH })
    .clearCookie(CSRF_COOKIE, { path: '/' });
}

/** Only the sign-in endpoint reads it; it outlives sessions (a logout does not make the browser a stranger). */
export function setDeviceCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeMs: number): void {
  reply.setCookie(DEVICE_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: '/api/auth/login',
    maxAge: Math.floor(maxAgeMs / 1_000),
  });
}
