import { elevenLabsApiUrl, simulatorUrl, webhookBase, type Env } from '../config/env';
import { loadPricingCatalog } from '../config/pricing';
import { providerCredentials, providerMode } from '../config/provider-mode';
import type { Orm } from '../db/orm';
import type { AudioStore } from '../domain/conversations/audio-store';
import { secretBoxFromEnv } from '../domain/secrets/secret-box-from-env';
import { botSigningSecret } from '../domain/usage/bot-signature';
import { exportTokenKey } from '../domain/tenant-export/download-token';
import type { ProcessActivityDeps } from './index';
import { createElevenLabsMonitoring } from './adapters/elevenlabs-monitoring';
import { createHerokuPlatform } from './adapters/heroku-platform';
import { createLogMailer, createSmtpMailer } from './adapters/mailer';
import { createStripeBillingProvider } from './adapters/stripe-billing';
import { createTwilioNumbers } from './adapters/twilio-numbers';

/**
 * The real provider APIs when providers are live (config/provider-mode.ts), the local simulator otherwise.
 * `audio` is the recordings store the process composed (temporal/audio-store.ts), the one the API reads.
 */
export function buildActivityDeps(
  env: Env,
  orm: Orm,
  secretKey: string,
  log: (line: string) => void,
  audio: AudioStore,
): ProcessActivityDeps {
  const simulator = simulatorUrl(env);
  const credentials = providerCredentials(env);
  return {
    orm,
    billing: createStripeBillingProvider({ ...credentials.stripe, simulatorUrl: simulator, timeoutMs: 20_000 }),
    mailer: env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : createLogMailer(log),
    publicBaseUrl: env.PUBLIC_BASE_URL,
    // Customers are billed in the price list's currency; there is no second setting to disagree with it.
    currency: loadPricingCatalog().currency.toUpperCase(),
    // Provider calls give up before the activity's own timeout, so they end as readable provider errors.
    heroku: createHerokuPlatform({
      ...credentials.heroku,
      simulatorUrl: simulator,
      requestTimeoutMs: 20_000,
    }),
    twilio: createTwilioNumbers({
      ...credentials.twilio,
      simulatorUrl: simulator,
      timeoutMs: 20_000,
    }),
    webhookBase: webhookBase(env),
    platformUrl: env.PUBLIC_BASE_URL,
    templateTarballUrl: env.HEROKU_TEMPLATE_TARBALL_URL,
    botProviderKeys: env.ELEVENLABS_API_KEY ? { ELEVENLABS_API_KEY: env.ELEVENLABS_API_KEY } : {},
    botSecret: (botId) => botSigningSecret(secretKey, botId),
    secretBox: secretBoxFromEnv(env, secretKey),
    elevenLabs: (apiKey) =>
      createElevenLabsMonitoring({ apiKey, baseUrl: elevenLabsApiUrl(env, providerMode(env)), timeoutMs: 60_000 }),
    audio,
    // Tenant exports keep their archives in the same store, under exports/.
    exportTokenKey: exportTokenKey(secretKey),
    exportRetentionMs: env.TENANT_EXPORT_RETENTION,
  };
}
