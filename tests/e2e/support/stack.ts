import type { AddressInfo } from 'node:net';

import { simControl } from '../../../sim/sim-control';
import type { RunningSimulator } from '../../../sim/start-simulator';
import { createHarness, type Harness } from '../../support/harness';
import { startTestSimulator } from '../../support/test-simulator';
import { launchBrowser, type Browser } from './browser';
import { ensureWebBuild } from './web-build';
import { startWebServer, type WebServer } from './web-server';

export interface Stack {
  h: Harness;
  sim: RunningSimulator;
  control: ReturnType<typeof simControl>;
  apiUrl: string;
  web: WebServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Everything a browser test needs, for real: the API (with its Temporal worker and a provider simulator) on a
 * free port, the production web build (web/server.mjs) pointing at it, and headless Chromium.
 */
export async function startStack({ appSetupDelayMs = 50 }: { appSetupDelayMs?: number } = {}): Promise<Stack> {
  const [sim] = await Promise.all([startTestSimulator(appSetupDelayMs), ensureWebBuild()]);
  const h = await createHarness({ worker: true, simulatorUrl: sim.url });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const apiUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  const [web, browser] = await Promise.all([startWebServer({ apiUrl }), launchBrowser()]);
  return {
    h,
    sim,
    control: simControl(sim.url),
    apiUrl,
    web,
    browser,
    async close() {
      await browser.close();
      await web.stop();
      await h.close();
      await sim.stop();
    },
  };
}
