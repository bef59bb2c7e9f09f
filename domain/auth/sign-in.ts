import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { AppError } from '../errors/app-error';
import type { AuthSettings } from './auth-settings';
import { isKnownDevice, issueKnownDevice } from './known-device';
import { accountKey, claimLoginAttempt, clearLoginFailures, recordLoginFailure } from './login-backoff';
import { login } from './login';

export interface SignInDeps {
  orm: Orm;
  auth: AuthSettings;
  /** Failures an account may have before each further attempt waits. */
  loginFreeFailures: number;
}

/** Raised while an account must wait; carries when it may try again (the route sends Retry-After). */
export class SignInDelayedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many failed sign-ins for this account; try again in ${retryAfterSeconds} s`);
  }
}

/**
 * Password sign-in behind the per-account backoff. A browser that signed in to the account before (its known-device
 * token) is exempt, so guessing from elsewhere cannot lock the owner out. Unknown emails are throttled like
 * real ones, so the delay says nothing about which accounts exist.
 */
export async function signIn(
  deps: SignInDeps,
  input: { email: string; password: string; deviceToken?: string },
  now = new Date(),
) {
  const key = accountKey(input.email);
  const knownDevice = isKnownDevice(deps.auth.tokenKey, key, input.deviceToken, now.getTime());
  if (!knownDevice) {
    const claim = await inScope(deps.orm, { system: 'login' }, (em) =>
      claimLoginAttempt(em, key, deps.loginFreeFailures, now),
    );
    if (!claim.claimed) {
      throw new SignInDelayedError(Math.max(1, Math.ceil((claim.retryAt.getTime() - now.getTime()) / 1_000)));
    }
  }
  try {
    const session = await login(deps, input);
    await inScope(deps.orm, { system: 'login' }, (em) => clearLoginFailures(em, key));
    return { ...session, deviceToken: issueKnownDevice(deps.auth.tokenKey, key, now.getTime()) };
  } catch (error) {
    // A stranger's attempt was counted when it was claimed; a known device's failure is counted now.
    if (knownDevice && error instanceof AppError && error.code === 'unauthorized') {
      await inScope(deps.orm, { system: 'login' }, (em) => recordLoginFailure(em, key, deps.loginFreeFailures, now));
    }
    throw error;
  }
}
