import websocket from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import twilio from 'twilio';
import type { AppDeps } from '../../app-deps';

const EVENTS = ['connected', 'start', 'media', 'mark', 'stop'] as const;
type MediaEvent = (typeof EVENTS)[number];

/**
 * Twilio Media Streams: accepts the call audio WebSocket, counts its messages and logs start and stop without
 * caller data (phone numbers and audio stay out of the log). Speech processing attaches here later.
 */
export const mediaStreamRoute: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(websocket, { options: { maxPayload: 256 * 1024 } });
  const streamUrl = `${deps.telephony.webhookBase.replace(/^http/, 'ws')}/telephony/media`;

  app.get('/media', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const signature = request.headers['x-twilio-signature'];
    if (typeof signature !== 'string' || !twilio.validateRequest(deps.telephony.authToken, signature, streamUrl, {})) {
      request.log.warn('media_stream_signature_invalid');
      socket.close(1008, 'invalid signature');
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
    let stream: { streamSid?: string; callSid?: string; botId?: string } = {};
    socket.on('message', (raw: Buffer) => {
      let message: {
        event?: string;
        streamSid?: string;
        start?: { callSid?: string; customParameters?: Record<string, string> };
      };
      try {
        message = JSON.parse(raw.toString());
      } catch {
        counts.invalid += 1;
        return;
      }
      const event = EVENTS.find((name) => name === message.event);
      if (!event) {
        counts.invalid += 1;
        return;
      }
      counts[event] += 1;
      if (event === 'start') {
        stream = {
          streamSid: message.streamSid,
          callSid: message.start?.callSid,
          botId: message.start?.customParameters?.botId,
        };
        request.log.info({ ...stream }, 'media_stream_started');
      }
      if (event === 'stop') {
        request.log.info({ ...stream, counts }, 'media_stream_stopped');
        socket.close(1000, 'stream stopped');
      }
    });
  });
};
