import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { quietTemporalLogs } from './quiet-temporal-logs';
import type { HealthProbes } from '../../domain/health/health-port';
import { buildApp, type App } from '../../api/app';
import { createSecretBox } from '../../domain/secrets/secret-box';
import { createLocalBillingProvider } from '../../activities/adapters/billing-provider';
import type { Mailer, OutgoingMail } from '../../activities/adapters/mailer';
import { createOrm, type Orm } from '../../db/orm';
import { keyFromSecret } from '../../domain/auth/tokens';
import { createOidcRelyingParty, oidcCallbackUrl } from '../../domain/auth/oidc/oidc-relying-party';
import type { OidcClientConfig } from '../../config/oidc';
import type { TemporalTarget } from '../../temporal/client';
import { createTemporalHealth } from '../../temporal/health';
import { createOnboardingClient } from '../../temporal/onboarding-client';
import { createProvisioningClient } from '../../temporal/provisioning-client';
import { createHerokuPlatform } from '../../activities/adapters/heroku-platform';
import { createTwilioNumbers } from '../../activities/adapters/twilio-numbers';
import { parseEnv } from '../../config/env';
import { SIMULATOR_AUTH_TOKEN } from '../../config/simulator-credentials';
import { createCallClient } from '../../temporal/call-client';
import type { CallLifecycleInput } from '../../workflows/call-lifecycle';
import { botSigningSecret } from '../../domain/usage/bot-signature';
import { startInboxRelay, type InboxRelay } from '../../domain/webhook-inbox/relay-loop';
import { createStripeBillingProvider } from '../../activities/adapters/stripe-billing';
import { createInvoicingClient } from '../../temporal/invoicing-client';
import { createDunningClient } from '../../temporal/dunning-client';
import type { DunningSchedule } from '../../domain/billing/dunning-plan';
import { createStripeWebhookVerifier } from '../../temporal/stripe-webhook-verifier';
import { createStripeBillingSessions } from '../../temporal/stripe-billing-sessions';
import { createStripePlanClient } from '../../temporal/stripe-plan-client';
import { createOffboardingClient } from '../../temporal/offboarding-client';
import { createTenantExportClient } from '../../temporal/tenant-export-client';
import { exportTokenKey } from '../../domain/tenant-export/download-token';
import type { OffboardingTiming } from '../../workflows/offboard-tenant';
import { createPromptConfigClient } from '../../temporal/prompt-config-client';
import type { ProcessActivityDeps } from '../../activities';
import type { ProvisioningTiming } from '../../workflows/saga/provisioning-timing';
import { createWorker } from '../../temporal/worker';
import { platformWorkflows } from './workflow-bundle';
import { createDiskAudioStore } from '../../activities/adapters/audio-store-disk';
import type { AudioStore } from '../../domain/conversations/audio-store';
import { createConversationSyncClient } from '../../temporal/conversation-sync-client';
import { createElevenLabsAccounts } from '../../temporal/elevenlabs-accounts';
import { createIntegrationProbes } from '../../temporal/integration-probes';
import { createElevenLabsMonitoring } from '../../activities/adapters/elevenlabs-monitoring';
import { createConversationClient } from '../../temporal/conversation-client';
import type { ConversationInput } from '../../workflows/conversation';

export interface Harness {
  orm: Orm;
  app: App;
  client: Client;
  target: TemporalTarget;
  /** Every email the worker sent, newest last. */
  mails: OutgoingMail[];
  worker: Worker | null;
  /** Delivers the webhook inbox of this harness's task queue (null with `relay: false`). */
  relay: InboxRelay | null;
  /** The recordings store the API serves from and the worker writes to (null when ElevenLabs is not wired). */
  audio: AudioStore | null;
  /** Stops the worker and starts a new one on the same task queue, as a deploy or crash-restart would. */
  restartWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Long enough for the secret box (32 characters at least), which seals tenants' keys under it. */
export const TEST_SECRET = 'test-secret-key-for-the-voiceplane-suites';
/** The public base URL bots' numbers point at in tests; signatures are computed over it. */
export const TEST_WEBHOOK_BASE = 'http://localhost:3000';

/** Tenants' hosts in tests are `<slug>.voiceplane.test` (api/plugins/tenant-hint.ts). */
export const TEST_BASE_DOMAIN = 'voiceplane.test';

/** Nothing listens here: tests that do not provision never reach a provider. */
const UNREACHABLE = 'http://127.0.0.1:9';

/** Production's defaults (config/env.ts), for what a suite does not set itself. */
const DEFAULTS = parseEnv({});
const PRODUCTION_DUNNING: DunningSchedule = {
  reminderOffsetsMs: DEFAULTS.DUNNING_REMINDERS,
  graceMs: DEFAULTS.DUNNING_GRACE,
  statusCheckMs: DEFAULTS.DUNNING_STATUS_CHECK,
};

/** Short retry intervals so failure paths finish in seconds. */
export const FAST_TIMING: Partial<ProvisioningTiming> = {
  activityTimeoutMs: 10_000,
  providerRetry: { maxAttempts: 3, initialIntervalMs: 100, backoff: 2, maxIntervalMs: 1_000 },
  healthRetry: { maxAttempts: 10, initialIntervalMs: 100, backoff: 1.5, maxIntervalMs: 1_000 },
};

/** Recordings of workers started without a harness (a killed worker's process, a bench). */
const SHARED_AUDIO_ROOT = path.join(tmpdir(), `voiceplane-audio-${process.pid}`);

export function activityDeps(
  orm: Orm,
  mailer: Mailer,
  simulatorUrl: string,
  elevenLabs: { url?: string; audio?: AudioStore } = {},
): ProcessActivityDeps {
  const elevenLabsUrl = elevenLabs.url ?? `${simulatorUrl}/elevenlabs`;
  return {
    orm,
    // With a simulator, billing is the Stripe adapter against it; suites without one never get past onboarding.
    billing:
      simulatorUrl === UNREACHABLE
        ? createLocalBillingProvider()
        : createStripeBillingProvider({ simulatorUrl, timeoutMs: 5_000 }),
    mailer,
    publicBaseUrl: 'http://localhost:3000',
    currency: 'EUR',
    heroku: createHerokuPlatform({ simulatorUrl, requestTimeoutMs: 5_000 }),
    twilio: createTwilioNumbers({ simulatorUrl, timeoutMs: 5_000 }),
    webhookBase: TEST_WEBHOOK_BASE,
    botSecret: (botId) => botSigningSecret(TEST_SECRET, botId),
    platformUrl: 'http://localhost:3000',
    templateTarballUrl: 'https://example.test/voice-bot-template.tar.gz',
    botProviderKeys: {},
    appSetupPollMs: 100,
    secretBox: createSecretBox(TEST_SECRET),
    elevenLabs: (apiKey) => createElevenLabsMonitoring({ apiKey, baseUrl: elevenLabsUrl, timeoutMs: 5_000 }),
    audio: elevenLabs.audio ?? createDiskAudioStore(SHARED_AUDIO_ROOT),
    exportTokenKey: exportTokenKey(TEST_SECRET),
    exportRetentionMs: DEFAULTS.TENANT_EXPORT_RETENTION,
  };
}

export const testDatabaseUrl = (): string => required('TEST_DATABASE_URL');
export const testTemporalAddress = (): string => required('TEST_TEMPORAL_ADDRESS');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through \`npm test\` (its global setup starts it)`);
  return value;
}

/**
 * The API wired to the real database and Temporal server, with (optionally) a worker on a task queue of its
 * own, so suites running in parallel never pick up each other's workflows.
 */
export async function createHarness(
  options: {
    worker?: boolean;
    verificationTimeoutMs?: number;
    loginRateLimitPerMinute?: number;
    /** Failed sign-ins per account before the backoff starts (high by default: most suites sign in a lot). */
    loginFreeFailures?: number;
    logger?: import('fastify').FastifyServerOptions['logger'];
    /** Provider simulator the worker's SDK adapters talk to (tests that provision start their own). */
    simulatorUrl?: string;
    provisioningTiming?: Partial<ProvisioningTiming>;
    /** How long tenant exports are kept once ready (production's TENANT_EXPORT_RETENTION by default). */
    exportRetentionMs?: number;
    /** Timeouts and retries of offboarding runs (short ones in tests of crashes and failures). */
    offboardingTiming?: Partial<OffboardingTiming>;
    callTiming?: Omit<CallLifecycleInput, 'call'>;
    /** Run the webhook inbox relay in this process (default); off when another process is to deliver. */
    relay?: boolean;
    /** How long each tenant's invoice waits for late usage after its period (none by default). */
    invoicingGraceMs?: number;
    /** Share a task queue (and so an inbox relay group) with another process; a fresh one by default. */
    taskQueue?: string;
    /** The schedule of dunnings the relay starts (production's days by default; seconds in dunning tests). */
    dunning?: DunningSchedule;
    /** The web origin Checkout and the Stripe portal return to (a browser test's web server). */
    publicBaseUrl?: string;
    /** ElevenLabs' API for tenants' keys (a simulator's `<url>/elevenlabs`); without it ElevenLabs is not wired. */
    elevenLabsUrl?: string;
    /** How long a conversation waits for the other half of its webhooks (a second by default). */
    conversationTiming?: Omit<ConversationInput, 'start'>;
    /** Sign-in with OpenID Connect against this provider (tests/support/oidc-provider.ts); off by default. */
    oidc?: OidcClientConfig;
    /** The platform's SMTP server the integration health check verifies (none by default: mail is logged). */
    smtpUrl?: string;
    /** How long each integration health check may take (2 s by default). */
    integrationCheckTimeoutMs?: number;
    /** How long the API reuses a called number's route (off by default: tests change a bot and call at once). */
    callRouteCacheMs?: number;
  } = {},
): Promise<Harness> {
  const orm = await createOrm(testDatabaseUrl(), { poolMax: 5 });
  const target: TemporalTarget = {
    address: testTemporalAddress(),
    namespace: 'default',
    taskQueue: options.taskQueue ?? `test-${randomUUID()}`,
    uiUrl: 'http://localhost:8233',
  };
  // Recordings the API stores and the worker fetches land in one folder of this harness's own.
  const audioRoot = path.join(tmpdir(), `voiceplane-audio-${target.taskQueue}`);
  const audio = createDiskAudioStore(audioRoot);
  const connection = await Connection.connect({ address: target.address });
  const client = new Client({ connection, namespace: target.namespace });
  const mails: OutgoingMail[] = [];
  const mailer: Mailer = {
    async send(mail) {
      mails.push(mail);
      return 'logged';
    },
  };

  quietTemporalLogs();
  let worker: Worker | null = null;
  let running: Promise<void> | null = null;
  let workerConnection: NativeConnection | null = null;
  const startWorker = async () => {
    workerConnection ??= await NativeConnection.connect({ address: target.address });
    worker = await createWorker({
      connection: workerConnection,
      namespace: target.namespace,
      taskQueue: target.taskQueue,
      deps: activityDeps(orm, mailer, options.simulatorUrl ?? UNREACHABLE, { url: options.elevenLabsUrl, audio }),
      workflows: platformWorkflows(),
    });
    running = worker.run();
  };
  const stopWorker = async () => {
    if (!worker) return;
    worker.shutdown();
    await running;
    worker = null;
  };
  if (options.worker) await startWorker();

  const health: HealthProbes = createTemporalHealth(client, target.namespace, target.taskQueue);
  const calls = createCallClient(client, target, options.callTiming ?? { counterGraceMs: 200 });
  // The relay group is the task queue: suites running in parallel on one database deliver only their own events.
  const relay =
    options.relay === false
      ? null
      : startInboxRelay({
          orm,
          calls,
          dunning: {
            workflows: createDunningClient(client, target, options.dunning ?? PRODUCTION_DUNNING),
            publicBaseUrl: options.publicBaseUrl ?? 'http://localhost:3000',
          },
          conversations: createConversationClient(client, target, options.conversationTiming ?? { settleMs: 1_000 }),
          relayGroup: target.taskQueue,
          listenUrl: testDatabaseUrl(),
        });
  await relay?.ready;
  const app = await buildApp(
    {
      orm,
      auth: { tokenKey: keyFromSecret(TEST_SECRET), accessTtlMinutes: 30, refreshTtlDays: 14 },
      onboarding: createOnboardingClient(client, target, options.verificationTimeoutMs ?? 60_000),
      oidc: options.oidc
        ? createOidcRelyingParty({
            ...options.oidc,
            redirectUri: oidcCallbackUrl(options.publicBaseUrl ?? 'http://localhost:3000'),
          })
        : undefined,
      provisioning: createProvisioningClient(client, target, options.provisioningTiming ?? FAST_TIMING),
      calls,
      invoicing: createInvoicingClient(client, target, { graceMs: options.invoicingGraceMs ?? 0, concurrency: 4 }),
      inbox: { relayGroup: target.taskQueue },
      telephony: {
        authToken: SIMULATOR_AUTH_TOKEN,
        webhookBase: TEST_WEBHOOK_BASE,
        routeCacheMs: options.callRouteCacheMs ?? 0,
      },
      // The simulator's public signing secret, as in development.
      stripeWebhooks: createStripeWebhookVerifier({ simulatorUrl: options.simulatorUrl ?? UNREACHABLE }),
      billingSessions: createStripeBillingSessions({
        simulatorUrl: options.simulatorUrl ?? UNREACHABLE,
        timeoutMs: 5_000,
      }),
      stripePlans: createStripePlanClient(client, target),
      offboarding: createOffboardingClient(client, target, options.offboardingTiming),
      tenantExports: {
        workflows: createTenantExportClient(client, target),
        audio,
        exportTokenKey: exportTokenKey(TEST_SECRET),
        exportRetentionMs: options.exportRetentionMs ?? DEFAULTS.TENANT_EXPORT_RETENTION,
      },
      promptRollouts: createPromptConfigClient(client, target),
      secretBox: createSecretBox(TEST_SECRET),
      elevenLabs: options.elevenLabsUrl
        ? {
            accounts: createElevenLabsAccounts({ baseUrl: options.elevenLabsUrl, timeoutMs: 5_000 }),
            syncs: createConversationSyncClient(client, target, { everyMs: DEFAULTS.ELEVENLABS_SYNC_EVERY }),
            audio,
            webhookToleranceMs: DEFAULTS.ELEVENLABS_WEBHOOK_TOLERANCE,
          }
        : undefined,
      integrations: {
        probes: createIntegrationProbes({
          stripe: { simulatorUrl: options.simulatorUrl ?? UNREACHABLE },
          twilio: { simulatorUrl: options.simulatorUrl ?? UNREACHABLE },
          smtpUrl: options.smtpUrl,
          timeoutMs: options.integrationCheckTimeoutMs ?? 2_000,
        }),
        platformSender: DEFAULTS.MAIL_FROM,
        checkTimeoutMs: options.integrationCheckTimeoutMs ?? 2_000,
      },
      botSecret: (botId) => botSigningSecret(TEST_SECRET, botId),
      health,
      secureCookies: false,
      loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 1000,
      loginFreeFailures: options.loginFreeFailures ?? 1000,
      trustProxy: 'loopback',
      publicBaseUrl: options.publicBaseUrl ?? 'http://localhost:3000',
      publicBaseDomain: TEST_BASE_DOMAIN,
    },
    { logger: options.logger },
  );

  return {
    orm,
    app,
    client,
    target,
    mails,
    relay,
    audio: options.elevenLabsUrl ? audio : null,
    get worker() {
      return worker;
    },
    async restartWorker() {
      await stopWorker();
      await startWorker();
    },
    async close() {
      await app.close();
      await relay?.stop();
      await stopWorker();
      await workerConnection?.close();
      await connection.close();
      await rm(audioRoot, { recursive: true, force: true });
      await orm.close();
    },
  };
}
