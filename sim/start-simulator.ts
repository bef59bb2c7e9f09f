import type { AddressInfo } from 'node:net';
import { buildSimulator, type SimulatorOptions } from './app';

/** Listens on `port` (0 picks a free one) and reports the URL adapters should use as `simulatorUrl`. */
export async function startSimulator(options: { port: number; host?: string } & SimulatorOptions) {
  const { port, host = '127.0.0.1', ...simulatorOptions } = options;
  const { app, state } = buildSimulator(simulatorOptions);
  await app.listen({ port, host });
  const address = app.server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    state,
    app,
    stop: () => app.close(),
  };
}

export type RunningSimulator = Awaited<ReturnType<typeof startSimulator>>;
