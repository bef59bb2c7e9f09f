import { simControl } from '../../../sim/sim-control';
import type { RunningSimulator } from '../../../sim/start-simulator';
import { stripeSimControl } from '../../../sim/stripe/stripe-control';
import { getFreePort } from '../../support/free-port';
import { createHarness, type Harness } from '../../support/harness';
import { oidcCallbackUrl } from '../../../domain/auth/oidc/oidc-relying-party';
import { startOidcProvider, type TestOidcProvider } from '../../support/oidc-provider';
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
  /** The OpenID Connect provider the API signs in with (`oidc: true` only). */
  oidc: TestOidcProvider | null;
  close(): Promise<void>;
}

/**
 * Everything a browser test needs, for real: the API (with its Temporal worker and a provider simulator) on a
 * free port, the production web build (web/server.mjs) pointing at it, and headless Chromium. The API sends
 * Stripe's Checkout and portal back to the web server, so that one starts first, on the API's port reserved
 * ahead. With `stripeWebhooks` the simulator relays Stripe's signed webhooks to the API. With `elevenLabs` the
 * API reaches ElevenLabs through the simulator and keeps recordings in its harness's audio store (`h.audio`).
 */
export async function startStack({
  appSetupDelayMs = 50,
  stripeWebhooks = false,
  elevenLabs = false,
  oidc = false,
}: { appSetupDelayMs?: number; stripeWebhooks?: boolean; elevenLabs?: boolean; oidc?: boolean } = {}): Promise<Stack> {
  const apiPort = await getFreePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const [sim] = await Promise.all([startTestSimulator(appSetupDelayMs), ensureWebBuild()]);
  const [web, browser] = await Promise.all([startWebServer({ apiUrl }), launchBrowser()]);
  // The provider sends the browser back to the web origin, whose API proxy reaches the callback route.
  const oidcProvider = oidc ? await startOidcProvider({ redirectUri: oidcCallbackUrl(web.url) }) : null;
  const h = await createHarness({
    worker: true,
    simulatorUrl: sim.url,
    publicBaseUrl: web.url,
    elevenLabsUrl: elevenLabs ? `${sim.url}/elevenlabs` : undefined,
    oidc: oidcProvider?.client,
  });
  await h.app.listen({ port: apiPort, host: '127.0.0.1' });
  if (stripeWebhooks) await stripeSimControl(sim.url).webhookEndpoint(`${apiUrl}/api/billing/stripe/webhook`);
  return {
    h,
    sim,
    control: simControl(sim.url),
    apiUrl,
    web,
    browser,
    oidc: oidcProvider,
    async close() {
      await browser.close();
      await web.stop();
      await h.close();
      await oidcProvider?.close();
      await sim.stop();
    },
  };
}
