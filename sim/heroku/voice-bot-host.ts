import { connect, type Socket } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { startVoiceBot, type RunningVoiceBot, type VoiceBotOptions } from '../../runtime/voice-bot/src/server';
import type { HerokuApp } from './state';

export type VoiceBotAdapters = VoiceBotOptions['adapters'];

const silent = { info: () => undefined, warn: () => undefined };

/**
 * "Runs" each app built from the template: the real voice-bot runtime (`runtime/voice-bot`), started in this
 * process on an ephemeral port the first time someone calls the app, with the app's config vars as its live
 * environment (a config var set later applies to the next call, as a Heroku restart would). An app deleted or
 * replaced (a reset of the simulator) has its runtime stopped.
 */
export function createVoiceBotHost(options: { adapters?: VoiceBotAdapters } = {}) {
  const running = new Map<string, { app: HerokuApp; bot: Promise<RunningVoiceBot> }>();
  const tunnels = new Set<Duplex>();

  const stop = async (name: string) => {
    const entry = running.get(name);
    running.delete(name);
    await entry?.bot.then((bot) => bot.close()).catch(() => undefined);
  };

  return {
    /** The app's running runtime, started on first use; `live` is the app the simulator currently holds by name. */
    async ensure(app: HerokuApp, live: (name: string) => HerokuApp | undefined): Promise<RunningVoiceBot> {
      for (const [name, entry] of running) if (live(name) !== entry.app) await stop(name);
      let entry = running.get(app.name);
      if (!entry) {
        entry = {
          app,
          bot: startVoiceBot({
            port: 0,
            host: '127.0.0.1',
            env: app.configVars,
            adapters: options.adapters,
            logger: silent,
          }),
        };
        running.set(app.name, entry);
      }
      return entry.bot;
    },

    /** Hands an upgrade request (the media stream) to the runtime as the router would: same bytes, its own path. */
    tunnel(bot: RunningVoiceBot, request: IncomingMessage, client: Duplex, head: Buffer, path: string) {
      const upstream: Socket = connect(bot.port, '127.0.0.1', () => {
        const headers: string[] = [];
        for (let i = 0; i < request.rawHeaders.length; i += 2) {
          headers.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
        }
        upstream.write(`${request.method} ${path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
        if (head.length > 0) upstream.write(head);
        client.pipe(upstream).pipe(client);
      });
      for (const socket of [client, upstream]) {
        tunnels.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          tunnels.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
    },

    stop,

    async stopAll() {
      for (const socket of tunnels) socket.destroy();
      await Promise.all([...running.keys()].map(stop));
    },
  };
}

export type VoiceBotHost = ReturnType<typeof createVoiceBotHost>;
