import websocket from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import twilio from 'twilio';
import { botTakesStreams, createUsedStreamTokens } from '../../../domain/telephony/media-stream-admission';
import { verifyMediaStream } from '../../../domain/telephony/media-stream-token';
import type { AppDeps } from '../../app-deps';

const EVENTS = ['connected', 'start', 'media', 'mark', 'stop'] as const;
type MediaEvent = (typeof EVENTS)[number];
/** A stream that has not proved which call it carries by then is closed. */
const START_DEADLINE_MS = 10_000;
const POLICY_VIOLATION = 1008;

interface StreamMessage {
  event?: string;
  streamSid?: string;
  start?: { callSid?: string; customParameters?: Record<string, unknown> };
}

/**
 * Twilio Media Streams: accepts the call audio WebSocket, counts its messages and logs start and stop without
 * caller data (phone numbers and audio stay out of the log). Twilio signs the upgrade request, but over a URL that
 * is the same for every call; what binds a stream to one call is the token the platform put into that call's
 * TwiML, which Twilio returns in the `start` message. No audio is taken before it checks out.
 */
export const mediaStreamRoute: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(websocket, { options: { maxPayload: 256 * 1024 } });
  const streamUrl = `${deps.telephony.webhookBase.replace(/^http/, 'ws')}/telephony/media`;
  const usedTokens = createUsedStreamTokens();

  // Left out of the API document: OpenAPI can state only the 101 upgrade, not the messages that are the whole
  // contract (Twilio's, not ours), and no client of ours calls it; Twilio reaches it through the TwiML alone.
  app.get('/media', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const signature = request.headers['x-twilio-signature'];
    if (typeof signature !== 'string' || !twilio.validateRequest(deps.telephony.authToken, signature, streamUrl, {})) {
      request.log.warn('media_stream_signature_invalid');
      socket.close(POLICY_VIOLATION, 'invalid signature');
      return;
    }
    const counts: Record<MediaEvent | 'invalid', number> = {
      connected: 0,
      start: 0,
      media: 0,
      mark: 0,
      stop: 0,
      invalid: 0,
    };
    let stream: { streamSid?: string; callSid?: string; botId?: string } | null = null;
    const refuse = (reason: string) => {
      request.log.warn({ reason }, 'media_stream_refused');
      socket.close(POLICY_VIOLATION, reason);
    };
    const deadline = setTimeout(() => refuse('no verified start'), START_DEADLINE_MS);
    socket.on('close', () => clearTimeout(deadline));

    socket.on('message', (raw: Buffer) => {
      let message: StreamMessage;
      try {
        message = JSON.parse(raw.toString()) as StreamMessage;
      } catch {
        counts.invalid += 1;
        return;
      }
      const event = EVENTS.find((name) => name === message.event);
      if (!event) {
        counts.invalid += 1;
        return;
      }
      if (event === 'start') {
        const callSid = String(message.start?.callSid ?? '');
        const botId = String(message.start?.customParameters?.botId ?? '');
        const token = message.start?.customParameters?.token;
        if (!verifyMediaStream(deps.telephony.mediaStreamKey, token, { callSid, botId })) {
          refuse('invalid stream token');
          return;
        }
        if (!usedTokens.claim(token as string)) {
          refuse('stream token already used');
          return;
        }
        clearTimeout(deadline);
        stream = { streamSid: message.streamSid, callSid, botId };
        // A bot deprovisioned or a tenant deactivated since the call was answered ends the stream.
        void botTakesStreams(deps, botId)
          .then((admitted) => {
            if (admitted) request.log.info({ ...stream }, 'media_stream_started');
            else refuse('bot or tenant does not take calls');
          })
          .catch((error: unknown) => {
            request.log.error({ err: error }, 'media_stream_admission_failed');
            refuse('could not check the bot');
          });
      } else if (!stream && event !== 'connected') {
        refuse(`${event} before a verified start`);
        return;
      }
      counts[event] += 1;
      if (event === 'stop') {
        request.log.info({ ...stream, counts }, 'media_stream_stopped');
        socket.close(1000, 'stream stopped');
      }
    });
  });
};
