import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { buildActivityDeps } from '../activities/build-deps';
import { loadRuntime, onShutdown } from '../config/runtime';
import { provideDatabase } from '../db/database-url';
import { createOrm } from '../db/orm';
import { listSyncedTenants } from '../domain/conversations/list-synced-tenants';
import { startInboxRelay } from '../domain/webhook-inbox/relay-loop';
import { createAudioStoreFromEnv } from './audio-store';
import { createCallClient } from './call-client';
import { createConversationClient } from './conversation-client';
import { createConversationSyncClient } from './conversation-sync-client';
import { createDunningClient } from './dunning-client';
import { ensureInvoicingSchedule } from './invoicing-schedule';
import type { TemporalTarget } from './client';
import { ensureSearchAttributes } from './ensure-search-attributes';
import { createWorker } from './worker';

async function main(): Promise<void> {
  const { env, secrets } = loadRuntime();
  const database = await provideDatabase(env);
  const orm = await createOrm(database.url);
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  // A server the project did not start itself (docker-compose, a cluster) may lack TenantId/BotId.
  const target: TemporalTarget = {
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    uiUrl: env.TEMPORAL_UI_URL,
  };
  // One native connection for the worker and the relay's client: the relay's signals go through the SDK core's
  // gRPC (Rust) instead of a second, JavaScript gRPC stack on the worker's event loop.
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  await ensureSearchAttributes(client, env.TEMPORAL_NAMESPACE);
  // Development prints mails (verification links) to the console; production never logs their content.
  const log = env.APP_ENV === 'production' ? () => undefined : (line: string) => console.log(`[mail] ${line}`);
  const worker = await createWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    deps: buildActivityDeps(env, orm, secrets.secretKey, log, createAudioStoreFromEnv(env)),
  });
  // The webhook inbox relay (decision 008) lives here, not in the API: the API only acknowledges, and the relay's
  // Temporal calls never compete with requests for the API's event loop. Inbox writes wake it through NOTIFY.
  const relay = startInboxRelay({
    orm,
    calls: createCallClient(client, target, { finalizeAfterMs: env.CALL_FINALIZE_AFTER }),
    dunning: {
      workflows: createDunningClient(client, target, {
        reminderOffsetsMs: env.DUNNING_REMINDERS,
        graceMs: env.DUNNING_GRACE,
        statusCheckMs: env.DUNNING_STATUS_CHECK,
      }),
      publicBaseUrl: env.PUBLIC_BASE_URL,
    },
    conversations: createConversationClient(client, target),
    relayGroup: target.taskQueue,
    listenUrl: database.url,
    onError: (error) => console.error('webhook relay failed:', error),
  });
  await relay.ready;
  const schedule = await ensureInvoicingSchedule(client, target, {
    dayOfMonth: env.INVOICING_DAY_OF_MONTH,
    hour: env.INVOICING_HOUR,
    timeZone: env.INVOICING_TIME_ZONE,
    graceMs: env.INVOICING_GRACE,
    concurrency: env.INVOICING_CONCURRENCY,
  });
  console.log(
    `invoicing schedule "${schedule}": day ${env.INVOICING_DAY_OF_MONTH}, ${env.INVOICING_HOUR}:00 ${env.INVOICING_TIME_ZONE}`,
  );
  // Every tenant with a working ElevenLabs key has its sync schedule at the current ELEVENLABS_SYNC_EVERY (after a
  // change of it, or a Temporal server that lost its schedules). Not awaited: saving or testing a key keeps its
  // schedule in step already, so the worker need not wait for this before it polls.
  const syncs = createConversationSyncClient(client, target, { everyMs: env.ELEVENLABS_SYNC_EVERY });
  void listSyncedTenants({ orm })
    .then(async (tenants) => {
      for (const tenantId of tenants) await syncs.follow({ tenantId, active: true });
      console.log(
        `conversation sync schedules: ${tenants.length} tenants, every ${env.ELEVENLABS_SYNC_EVERY / 60_000} min`,
      );
    })
    .catch((error: unknown) => console.error('conversation sync schedules not brought up to date:', error));
  onShutdown(async () => worker.shutdown());
  console.log(`worker polling task queue "${env.TEMPORAL_TASK_QUEUE}" on ${env.TEMPORAL_ADDRESS}`);
  await worker.run();
  await relay.stop();
  await connection.close();
  await orm.close();
  await database.stop();
}

main().catch((error: unknown) => {
  console.error('worker failed:', error);
  process.exit(1);
});
