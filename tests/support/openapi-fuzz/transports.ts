import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { SIMULATOR_AUTH_TOKEN } from '../../../config/simulator-credentials';
import { botSigningSecret, signBotRequest } from '../../../domain/usage/bot-signature';
import { TEST_SECRET, TEST_WEBHOOK_BASE } from '../harness';
import type { Operation } from './openapi-operations';

/**
 * How an operation's callers talk to it. Twilio posts signed forms (the document lists their fields as a JSON
 * body); bots sign their JSON reports; everyone else sends JSON with a bearer token.
 */
export type Transport = 'json' | 'twilio-form' | 'bot-signed';

/** The headers a bot's signature consists of: the transport computes them, a request never brings its own. */
export const BOT_SIGNATURE_HEADERS = ['x-voiceplane-bot', 'x-voiceplane-timestamp', 'x-voiceplane-signature'];

export function transportOf(operation: Operation): Transport {
  if (operation.path.startsWith('/telephony/')) return 'twilio-form';
  if (operation.parameters.some((p) => p.in === 'header' && BOT_SIGNATURE_HEADERS.includes(p.name))) {
    return 'bot-signed';
  }
  return 'json';
}

export const FORM = 'application/x-www-form-urlencoded';

/** The parameters the webhook will parse from this body, as its signature check sees them. */
function parsedTwilioParams(text: string | undefined, contentType: string | null): Record<string, unknown> {
  if (text === undefined) return {};
  if (contentType === FORM) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Headers that get a malformed request past the transport's signature check, so its content is what is judged. */
export function signatureHeaders(
  transport: Transport,
  request: { url: string; text: string | undefined; contentType: string | null; botId: string },
): Record<string, string> {
  if (transport === 'twilio-form') {
    try {
      const params = parsedTwilioParams(request.text, request.contentType);
      const url = `${TEST_WEBHOOK_BASE}${request.url}`;
      return { 'x-twilio-signature': getExpectedTwilioSignature(SIMULATOR_AUTH_TOKEN, url, params) };
    } catch {
      return {}; // Parameters the SDK cannot sign go unsigned: the server must refuse them all the same.
    }
  }
  if (transport === 'bot-signed') {
    const timestamp = String(Date.now());
    const secret = botSigningSecret(TEST_SECRET, request.botId);
    const [bot, time, signature] = BOT_SIGNATURE_HEADERS as [string, string, string];
    return {
      [bot]: request.botId,
      [time]: timestamp,
      [signature]: signBotRequest(secret, timestamp, request.text ?? ''),
    };
  }
  return {};
}
