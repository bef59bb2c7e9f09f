import type { FastifyInstance, FastifyRequest } from 'fastify';
import twilio from 'twilio';
import { AppError } from '../../../domain/errors/app-error';

export type TwilioParams = Record<string, string>;

/** Twilio posts form-encoded bodies; parse them into a flat record (the shape its signature covers). */
export function acceptTwilioForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}

/**
 * Checks `X-Twilio-Signature` against the public URL Twilio was given (not the Host header, which a proxy may
 * rewrite) and the posted parameters. Anything unsigned or forged is refused before it is read.
 */
export function verifyTwilioSignature(settings: { authToken: string; webhookBase: string }) {
  return async (request: FastifyRequest): Promise<void> => {
    const signature = request.headers['x-twilio-signature'];
    const url = `${settings.webhookBase}${request.url}`;
    const params = (request.body ?? {}) as TwilioParams;
    if (typeof signature !== 'string' || !twilio.validateRequest(settings.authToken, signature, url, params)) {
      request.log.warn({ url: request.url }, 'twilio_signature_invalid');
      throw new AppError('forbidden', 'Invalid Twilio signature');
    }
  };
}
