import { buildApp } from '../../api/app';
import type { AppDeps } from '../../api/app-deps';
import { parseEnv } from '../../config/env';
import { SIMULATOR_AUTH_TOKEN } from '../../config/simulator-credentials';
import { keyFromSecret } from '../../domain/auth/tokens';
import { createSecretBox } from '../../domain/secrets/secret-box';
import { botSigningSecret } from '../../domain/usage/bot-signature';
import { createCallClient } from '../../temporal/call-client';
import { createInvoicingClient } from '../../temporal/invoicing-client';
import { createOnboardingClient } from '../../temporal/onboarding-client';
import { createProvisioningClient } from '../../temporal/provisioning-client';
import { createStripeWebhookVerifier } from '../../temporal/stripe-webhook-verifier';
import { createTemporalHealth } from '../../temporal/health';
import { TEST_SECRET, TEST_WEBHOOK_BASE } from '../../tests/support/harness';
import type { startBenchPlatform } from './bench-platform';

type BenchPlatform = Awaited<ReturnType<typeof startBenchPlatform>>;

/**
 * The API a benchmark sends webhooks to, listening on a free port in the bench's own process (the worker and the
 * inbox relay run elsewhere). Secrets are the test suites' own, so the worker process opens what the API sealed.
 */
export async function startBenchApi(
  platform: BenchPlatform,
  options: { counterGraceMs: number; elevenLabs?: AppDeps['elevenLabs'] },
) {
  const { orm, client, target } = platform;
  const provisioning = createProvisioningClient(client, target);
  const app = await buildApp({
    orm,
    auth: { tokenKey: keyFromSecret(TEST_SECRET), accessTtlMinutes: 30, refreshTtlDays: 14 },
    onboarding: createOnboardingClient(client, target, 60_000),
    provisioning,
    calls: createCallClient(client, target, { counterGraceMs: options.counterGraceMs }),
    invoicing: createInvoicingClient(client, target, { graceMs: 0, concurrency: 4 }),
    inbox: { relayGroup: target.taskQueue },
    telephony: {
      authToken: SIMULATOR_AUTH_TOKEN,
      webhookBase: TEST_WEBHOOK_BASE,
      routeCacheMs: parseEnv({}).CALL_ROUTE_CACHE,
    },
    stripeWebhooks: createStripeWebhookVerifier({ simulatorUrl: platform.sim.url }),
    secretBox: createSecretBox(TEST_SECRET),
    elevenLabs: options.elevenLabs,
    botSecret: (botId) => botSigningSecret(TEST_SECRET, botId),
    health: createTemporalHealth(client, 'default', target.taskQueue),
    secureCookies: false,
    loginRateLimitPerMinute: 100,
    loginFreeFailures: 5,
    trustProxy: 'loopback',
    publicBaseUrl: TEST_WEBHOOK_BASE,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, provisioning };
}
