import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../domain/errors/app-error';
import type { AppDeps } from '../../app-deps';
import { clientKey } from '../../client-address';

/**
 * The per-address limit every way in shares (password, registration, OpenID Connect): per client address — the
 * real one, as only the web proxy's X-Forwarded-For is trusted. Guesses spread over many addresses meet the
 * per-account backoff in signIn instead.
 */
export function signInRateLimit(deps: Pick<AppDeps, 'loginRateLimitPerMinute'>) {
  return {
    max: deps.loginRateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => clientKey(request.ip),
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      new AppError('rate_limited', `Too many sign-in attempts from this address; try again in ${context.after}`),
  };
}
