import type { WebSocket } from 'ws';
import type { BotConfig } from './bot-config';
import { meterCall } from './metering';
import { decodeMulaw } from './mulaw';
import type { ChatMessage, SpeechAdapters } from './speech/ports';
import { createUsedTokens, verifyBotStreamToken } from './stream-token';
import { createUsageClient, UsageReportRefused } from './usage-client';
import { createUtteranceDetector } from './utterances';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
}

interface StreamMessage {
  event?: unknown;
  streamSid?: unknown;
  start?: { callSid?: unknown; customParameters?: Record<string, unknown> };
  media?: { payload?: unknown };
}

/** A stream that has not proved which call it carries by then is closed. */
const START_DEADLINE_MS = 10_000;
const POLICY_VIOLATION = 1008;
/** Twilio plays what it is sent; 20 ms frames keep marks and barge-in precise. */
const OUT_FRAME_BYTES = 160;
const REPORT_ATTEMPTS = 4;

/**
 * One Twilio Media Stream: `connected`, then `start` (whose `botToken` parameter must be this bot's token for the
 * call), `media` frames of µ-law audio, `stop`. Every utterance of the caller runs STT → LLM → TTS in turn and the
 * answer goes back as `media` frames followed by a `mark`; the counters are reported when the stream ends.
 */
export function createStreamHandler(deps: {
  config: () => BotConfig;
  adapters: (config: BotConfig) => SpeechAdapters;
  logger: Logger;
  calls: Set<WebSocket>;
}) {
  const usedTokens = createUsedTokens();

  return (socket: WebSocket) => {
    let call: Awaited<ReturnType<typeof startCall>> | null = null;
    let ended = false;
    const refuse = (reason: string) => {
      deps.logger.warn('media_stream_refused', { reason });
      ended = true;
      socket.close(POLICY_VIOLATION, reason);
    };
    const deadline = setTimeout(() => refuse('no verified start'), START_DEADLINE_MS);
    deps.calls.add(socket);

    const end = async () => {
      if (ended) return;
      ended = true;
      await call?.finish();
      if (socket.readyState === socket.OPEN) socket.close(1000, 'stream stopped');
    };
    socket.on('close', () => {
      clearTimeout(deadline);
      deps.calls.delete(socket);
      void end();
    });

    socket.on('message', (raw: Buffer) => {
      if (ended) return;
      let message: StreamMessage;
      try {
        message = JSON.parse(raw.toString()) as StreamMessage;
      } catch {
        return;
      }
      if (message.event === 'connected') return;
      if (message.event === 'start' && !call) {
        const config = deps.config();
        const callSid = String(message.start?.callSid ?? '');
        const parameters = message.start?.customParameters ?? {};
        const token = parameters.botToken;
        if (!config.botId || !config.signingSecret) return refuse('bot is not configured');
        if (parameters.botId !== config.botId || parameters.callSid !== callSid) return refuse('not this bot’s call');
        if (!verifyBotStreamToken(config.signingSecret, callSid, token)) return refuse('invalid stream token');
        if (!usedTokens.claim(token as string)) return refuse('stream token already used');
        clearTimeout(deadline);
        call = startCall({ ...deps, socket, config, callSid, streamSid: String(message.streamSid ?? '') });
        return;
      }
      if (!call) return refuse(`${String(message.event)} before a verified start`);
      if (message.event === 'media' && typeof message.media?.payload === 'string') {
        call.hear(Buffer.from(message.media.payload, 'base64'));
      } else if (message.event === 'stop') void end();
    });
  };
}

function startCall(input: {
  socket: WebSocket;
  config: BotConfig;
  callSid: string;
  streamSid: string;
  adapters: (config: BotConfig) => SpeechAdapters;
  logger: Logger;
}) {
  const { socket, config, callSid, streamSid, logger } = input;
  const report = config.usageUrl
    ? createUsageClient({ url: config.usageUrl, botId: config.botId!, secret: config.signingSecret! })
    : null;
  const speech = meterCall(input.adapters(config), {
    callSid,
    report: async (reports) => {
      if (!report) throw new Error('PLATFORM_CALLBACK_URL is not set');
      await report(callSid, reports);
    },
  });
  const detector = createUtteranceDetector();
  const history: ChatMessage[] = [{ role: 'system', content: config.prompt }];
  let turns = 0;
  // Turns run one after another: an answer must not overtake the one before it.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error: Error) => logger.warn('turn_failed', { callSid, message: error.message }));
  };

  const say = async (text: string) => {
    const { mulaw } = await speech.tts.synthesize(text, { voice: config.voice });
    if (socket.readyState !== socket.OPEN) return;
    for (let offset = 0; offset < mulaw.length; offset += OUT_FRAME_BYTES) {
      const payload = Buffer.from(mulaw.subarray(offset, offset + OUT_FRAME_BYTES)).toString('base64');
      socket.send(JSON.stringify({ event: 'media', streamSid, media: { payload } }));
    }
    turns += 1;
    socket.send(JSON.stringify({ event: 'mark', streamSid, mark: { name: `turn-${turns}` } }));
  };
  const answer = (pcm: Int16Array) =>
    enqueue(async () => {
      const { text } = await speech.stt.transcribe(pcm, { language: config.language, sampleRateHz: 8_000 });
      if (!text) return;
      history.push({ role: 'user', content: text });
      const reply = await speech.llm.complete(history);
      history.push({ role: 'assistant', content: reply.text });
      if (reply.text) await say(reply.text);
    });

  logger.info('call_started', { callSid, promptVersion: config.promptVersion });
  if (config.greeting) {
    history.push({ role: 'assistant', content: config.greeting });
    const greeting = config.greeting;
    enqueue(() => say(greeting));
  }

  return {
    hear(mulaw: Uint8Array) {
      for (const utterance of detector.push(decodeMulaw(mulaw))) answer(utterance);
    },
    /** Answers what is still queued, then reports the counters, retrying a lost report with the same ids. */
    async finish() {
      const rest = detector.end();
      if (rest) answer(rest);
      await queue;
      for (let attempt = 1; ; attempt += 1) {
        try {
          await speech.flush();
          logger.info('call_ended', { callSid, turns });
          return;
        } catch (error) {
          if (attempt >= REPORT_ATTEMPTS || (error instanceof UsageReportRefused && error.permanent)) {
            logger.warn('usage_report_failed', { callSid, message: (error as Error).message });
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
        }
      }
    },
  };
}
