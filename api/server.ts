import cluster from 'node:cluster';
import { pino, type LoggerOptions } from 'pino';
import { onShutdown, loadRuntime } from '../config/runtime';
import { roleBypassesRls } from '../db/check-role';
import { provideDatabase } from '../db/database-url';
import { createOrm } from '../db/orm';
import { keyFromSecret } from '../domain/auth/tokens';
import { connectTemporalClient, type TemporalTarget } from '../temporal/client';
import { createTemporalHealth } from '../temporal/health';
import { createOnboardingClient } from '../temporal/onboarding-client';
import { createProvisioningClient } from '../temporal/provisioning-client';
import { createCallClient } from '../temporal/call-client';
import { createInvoicingClient } from '../temporal/invoicing-client';
import { createStripeWebhookVerifier } from '../temporal/stripe-webhook-verifier';
import { createStripeBillingSessions } from '../temporal/stripe-billing-sessions';
import { createStripePlanClient } from '../temporal/stripe-plan-client';
import { createOffboardingClient } from '../temporal/offboarding-client';
import { createPromptConfigClient } from '../temporal/prompt-config-client';
import { SIMULATOR_AUTH_TOKEN } from '../config/simulator-credentials';
import { botSigningSecret } from '../domain/usage/bot-signature';
import { apiWorkerCount, elevenLabsApiUrl, simulatorUrl, webhookBase, type Env } from '../config/env';
import { providerCredentials, providerMode } from '../config/provider-mode';
import { limitPasswordWork } from '../domain/auth/password';
import { secretBoxFromEnv } from '../domain/secrets/secret-box-from-env';
import { createAudioStoreFromEnv } from '../temporal/audio-store';
import { createTenantExportClient } from '../temporal/tenant-export-client';
import { exportTokenKey } from '../domain/tenant-export/download-token';
import { createConversationSyncClient } from '../temporal/conversation-sync-client';
import { createElevenLabsAccounts } from '../temporal/elevenlabs-accounts';
import { createIntegrationProbes } from '../temporal/integration-probes';
import { oidcClientConfig } from '../config/oidc';
import { createOidcRelyingParty, oidcCallbackUrl } from '../domain/auth/oidc/oidc-relying-party';
import { buildApp } from './app';
import { startApiCluster } from './api-cluster';
import { loggerOptions } from '../config/logger';

async function main(): Promise<void> {
  const { env, secrets } = loadRuntime();
  const workers = apiWorkerCount(env);
  if (workers > 1 && cluster.isPrimary) return superviseWorkers(env, workers);
  limitPasswordWork({ concurrency: env.PASSWORD_HASH_CONCURRENCY });
  const database = await provideDatabase(env);
  const orm = await createOrm(database.url);
  const target: TemporalTarget = {
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    uiUrl: env.TEMPORAL_UI_URL,
  };
  const temporal = await connectTemporalClient(target);
  const calls = createCallClient(temporal, target, { finalizeAfterMs: env.CALL_FINALIZE_AFTER });
  // Live mode has the real webhook secret; the simulator's public one only in simulator mode (as for Twilio).
  const stripeWebhooks = createStripeWebhookVerifier({
    ...providerCredentials(env).stripe,
    simulatorUrl: simulatorUrl(env),
  });
  // The customer waits on these: a shorter timeout than the worker's, answered as 503 when Stripe is slow.
  const billingSessions = createStripeBillingSessions({
    ...providerCredentials(env).stripe,
    simulatorUrl: simulatorUrl(env),
    timeoutMs: 10_000,
  });
  const app = await buildApp(
    {
      orm,
      auth: {
        tokenKey: keyFromSecret(secrets.secretKey),
        accessTtlMinutes: env.JWT_ACCESS_TTL_MIN,
        refreshTtlDays: env.JWT_REFRESH_TTL_DAYS,
      },
      onboarding: createOnboardingClient(temporal, target, env.ONBOARDING_VERIFICATION_TIMEOUT),
      oidc: oidcRelyingParty(env),
      provisioning: createProvisioningClient(temporal, target),
      calls,
      invoicing: createInvoicingClient(temporal, target, {
        graceMs: env.INVOICING_GRACE,
        concurrency: env.INVOICING_CONCURRENCY,
      }),
      // Accepted webhooks go to the inbox; the worker process relays them to Temporal (decision 008).
      inbox: { relayGroup: target.taskQueue },
      telephony: {
        // Live mode has the real token (loadRuntime refuses to start without it); only the simulator's is public.
        authToken: providerMode(env) === 'live' ? env.TWILIO_AUTH_TOKEN! : SIMULATOR_AUTH_TOKEN,
        webhookBase: webhookBase(env),
        routeCacheMs: env.CALL_ROUTE_CACHE,
      },
      stripeWebhooks,
      billingSessions,
      stripePlans: createStripePlanClient(temporal, target),
      offboarding: createOffboardingClient(temporal, target),
      tenantExports: {
        workflows: createTenantExportClient(temporal, target),
        audio: createAudioStoreFromEnv(env),
        exportTokenKey: exportTokenKey(secrets.secretKey),
        exportRetentionMs: env.TENANT_EXPORT_RETENTION,
      },
      promptRollouts: createPromptConfigClient(temporal, target),
      secretBox: secretBoxFromEnv(env, secrets.secretKey),
      elevenLabs: {
        // Tenants' own keys, against ElevenLabs (or the simulator's stand-in when providers are simulated).
        accounts: createElevenLabsAccounts({ baseUrl: elevenLabsApiUrl(env, providerMode(env)) }),
        syncs: createConversationSyncClient(temporal, target, { everyMs: env.ELEVENLABS_SYNC_EVERY }),
        audio: createAudioStoreFromEnv(env),
        webhookToleranceMs: env.ELEVENLABS_WEBHOOK_TOLERANCE,
      },
      integrations: {
        // The health page waits on these: each provider check gets a few seconds, all run at once.
        probes: createIntegrationProbes({
          stripe: { ...providerCredentials(env).stripe, simulatorUrl: simulatorUrl(env) },
          twilio: { ...providerCredentials(env).twilio, simulatorUrl: simulatorUrl(env) },
          smtpUrl: env.SMTP_URL,
          timeoutMs: 5_000,
        }),
        platformSender: env.MAIL_FROM,
        checkTimeoutMs: 5_000,
      },
      botSecret: (botId) => botSigningSecret(secrets.secretKey, botId),
      health: createTemporalHealth(temporal, env.TEMPORAL_NAMESPACE, env.TEMPORAL_TASK_QUEUE),
      secureCookies: env.APP_ENV === 'production',
      loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MIN,
      loginFreeFailures: env.LOGIN_FREE_FAILURES,
      trustProxy: env.TRUST_PROXY,
      publicBaseUrl: env.PUBLIC_BASE_URL,
      publicBaseDomain: env.PUBLIC_BASE_DOMAIN,
    },
    { logger: loggerOptions(env.LOG_LEVEL, { pretty: env.APP_ENV === 'development' }) },
  );
  const rlsWarning = await roleBypassesRls(orm);
  if (rlsWarning) app.log.warn(rlsWarning);

  onShutdown(async () => {
    await app.close();
    await temporal.connection.close();
    await orm.close();
    await database.stop();
  });
  await app.listen({ host: env.API_HOST, port: env.API_PORT });
}

/**
 * API_WORKERS > 1: this process only supervises. It provides the database (starting the embedded one when
 * DATABASE_URL is unset, so the workers do not race for it) and forks the workers, which run `main` above.
 */
async function superviseWorkers(env: Env, workers: number): Promise<void> {
  const logger = pino(loggerOptions(env.LOG_LEVEL, { pretty: env.APP_ENV === 'development' }) as LoggerOptions);
  const database = await provideDatabase(env);
  const api = startApiCluster({
    workers,
    databaseUrl: database.url,
    log: (level, message) => logger[level](message),
  });
  const stop = async () => {
    await api.stop();
    await database.stop();
  };
  onShutdown(stop);
  const error = await api.failed;
  logger.error(error.message);
  await stop();
  process.exit(1);
}

/** Sign-in with OpenID Connect when OIDC_* are set; its callback is reached through the public web origin. */
function oidcRelyingParty(env: ReturnType<typeof loadRuntime>['env']) {
  const client = oidcClientConfig(env);
  return client ? createOidcRelyingParty({ ...client, redirectUri: oidcCallbackUrl(env.PUBLIC_BASE_URL) }) : undefined;
}

main().catch((error: unknown) => {
  console.error('API failed to start:', error);
  process.exit(1);
});
