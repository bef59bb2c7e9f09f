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
import { SIMULATOR_AUTH_TOKEN } from '../config/simulator-credentials';
import { botSigningSecret } from '../domain/usage/bot-signature';
import { webhookBase } from '../config/env';
import { providerMode } from '../config/provider-mode';
import { limitPasswordWork } from '../domain/auth/password';
import { mediaStreamKey } from '../domain/telephony/media-stream-token';
import { startInboxRelay } from '../domain/webhook-inbox/relay-loop';
import { buildApp } from './app';
import { loggerOptions } from '../config/logger';

async function main(): Promise<void> {
  const { env, secrets } = loadRuntime();
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
  // Delivers the webhook inbox to the call workflows; rows a previous (killed) process left are picked up too.
  let onRelayError = (error: unknown) => console.error('webhook relay:', error);
  const relay = startInboxRelay({ orm, calls, relayGroup: target.taskQueue, onError: (error) => onRelayError(error) });
  const app = await buildApp(
    {
      orm,
      auth: {
        tokenKey: keyFromSecret(secrets.secretKey),
        accessTtlMinutes: env.JWT_ACCESS_TTL_MIN,
        refreshTtlDays: env.JWT_REFRESH_TTL_DAYS,
      },
      onboarding: createOnboardingClient(temporal, target, env.ONBOARDING_VERIFICATION_TIMEOUT),
      provisioning: createProvisioningClient(temporal, target),
      calls,
      inbox: { relayGroup: target.taskQueue, wake: relay.wake },
      telephony: {
        // Live mode has the real token (loadRuntime refuses to start without it); only the simulator's is public.
        authToken: providerMode(env) === 'live' ? env.TWILIO_AUTH_TOKEN! : SIMULATOR_AUTH_TOKEN,
        webhookBase: webhookBase(env),
        mediaStreamKey: mediaStreamKey(secrets.secretKey),
      },
      botSecret: (botId) => botSigningSecret(secrets.secretKey, botId),
      health: createTemporalHealth(temporal, env.TEMPORAL_NAMESPACE, env.TEMPORAL_TASK_QUEUE),
      secureCookies: env.APP_ENV === 'production',
      loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MIN,
      loginFreeFailures: env.LOGIN_FREE_FAILURES,
      trustProxy: env.TRUST_PROXY,
      publicBaseUrl: env.PUBLIC_BASE_URL,
    },
    { logger: loggerOptions(env.LOG_LEVEL, { pretty: env.APP_ENV === 'development' }) },
  );
  const rlsWarning = await roleBypassesRls(orm);
  if (rlsWarning) app.log.warn(rlsWarning);
  onRelayError = (error) => app.log.error({ err: error }, 'webhook_relay_failed');

  onShutdown(async () => {
    await app.close();
    await relay.stop();
    await temporal.connection.close();
    await orm.close();
    await database.stop();
  });
  await app.listen({ host: env.API_HOST, port: env.API_PORT });
}

main().catch((error: unknown) => {
  console.error('API failed to start:', error);
  process.exit(1);
});
