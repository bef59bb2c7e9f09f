import type { FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { invalidApiKey, missingPermission, needsAuthorization } from './errors';
import type { ElevenLabsAccount, ElevenLabsKey, ElevenLabsState, Permission } from './state';

const callers = new WeakMap<FastifyRequest, { key: ElevenLabsKey; account: ElevenLabsAccount }>();

/**
 * onRequest: the `xi-api-key` header must name a live key. The key decides the account, and so everything the
 * request can see: another account's agents and conversations do not exist for it.
 */
export function authenticate(state: () => ElevenLabsState): onRequestAsyncHookHandler {
  return async function authenticateKey(request, reply) {
    const header = request.headers['xi-api-key'];
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return needsAuthorization(reply);
    const key = state().keys.get(value);
    const account = key && state().accounts.get(key.accountId);
    if (!key || key.revoked || !account) return invalidApiKey(reply);
    callers.set(request, { key, account });
  };
}

/** The key and account of an authenticated request. */
export function callerOf(request: FastifyRequest): { key: ElevenLabsKey; account: ElevenLabsAccount } {
  const caller = callers.get(request);
  if (!caller) throw new Error('ElevenLabs route reached without authentication');
  return caller;
}

/** A restricted key without the operation's scope is refused, as the real API does, with 401. */
export const requirePermission =
  (permission: Permission): preHandlerAsyncHookHandler =>
  async (request, reply) => {
    if (!callerOf(request).key.permissions.includes(permission)) return missingPermission(reply, permission);
  };
