import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { BOT_MEDIA_STREAM_PATH, type VoiceBotHealth } from '../../../contracts/voice-bot-runtime';
import { createStreamHandler, type Logger } from './call-session';
import { readBotConfig, type BotConfig } from './bot-config';
import { selectAdapters } from './speech/select-adapters';
import type { SpeechAdapters } from './speech/ports';

export const MEDIA_STREAM_PATH = `/${BOT_MEDIA_STREAM_PATH}`;

export interface VoiceBotOptions {
  port: number;
  host?: string;
  /** The app's config vars; read again for every call and health check, so changes apply to the next call. */
  env: Record<string, string | undefined>;
  /** Wraps the adapters the config selects (tests observe what the model is asked). */
  adapters?: (config: BotConfig, selected: SpeechAdapters) => SpeechAdapters;
  logger?: Logger;
}

/** JSON lines on stdout, Heroku's log drain format of choice; call data stays out (ids and counts only). */
const stdoutLogger: Logger = {
  info: (event, fields) => process.stdout.write(`${JSON.stringify({ level: 'info', event, ...fields })}\n`),
  warn: (event, fields) => process.stdout.write(`${JSON.stringify({ level: 'warn', event, ...fields })}\n`),
};

/** Starts the runtime: `GET /health` and the Twilio Media Streams WebSocket at `/media-stream`. */
export async function startVoiceBot(options: VoiceBotOptions) {
  const config = () => readBotConfig(options.env);
  const calls = new Set<WebSocket>();
  const onStream = createStreamHandler({
    config,
    adapters: (current) => {
      const selected = selectAdapters(current);
      return options.adapters ? options.adapters(current, selected) : selected;
    },
    logger: options.logger ?? stdoutLogger,
    calls,
  });

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/health') return health(response);
    json(response, 404, { status: 'not_found' });
  });
  const health = (response: ServerResponse) => {
    let current: BotConfig;
    try {
      current = config();
    } catch (error) {
      return json(response, 503, { status: 'misconfigured', message: (error as Error).message });
    }
    const body: VoiceBotHealth = {
      status: 'ok',
      service: 'voiceplane-voice-bot',
      botId: current.botId,
      tenantId: current.tenantId,
      role: current.role,
      promptVersion: current.promptVersion,
      adapters: current.adapters,
      activeCalls: calls.size,
    };
    json(response, 200, body);
  };

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    if ((request.url ?? '').split('?')[0] !== MEDIA_STREAM_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => onStream(ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    activeCalls: () => calls.size,
    /** Ends open streams (their counters are still reported) and stops listening. */
    async close() {
      for (const socket of calls) socket.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type RunningVoiceBot = Awaited<ReturnType<typeof startVoiceBot>>;

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
