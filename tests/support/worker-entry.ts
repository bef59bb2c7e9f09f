// A worker (and optionally the inbox relay) in its own process, so a test can kill it the way a crash would
// (SIGKILL, no shutdown) and a benchmark can keep it off the API's event loop.
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { startInboxRelay } from '../../domain/webhook-inbox/relay-loop';
import { createCallClient } from '../../temporal/call-client';
import { createConversationClient } from '../../temporal/conversation-client';
import { createOrm } from '../../db/orm';
import { createWorker } from '../../temporal/worker';
import { platformWorkflows } from './workflow-bundle';
import { activityDeps } from './harness';

async function main(): Promise<void> {
  const [databaseUrl, temporalAddress, taskQueue, simulatorUrl, relayJson] = process.argv.slice(2) as [
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  const relayTiming = JSON.parse(relayJson ?? 'null') as { counterGraceMs: number; settleMs?: number } | null;
  const orm = await createOrm(databaseUrl, { poolMax: relayTiming ? 10 : 3 });
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const mailer = { send: async () => 'logged' as const };
  const worker = await createWorker({
    connection,
    namespace: 'default',
    taskQueue,
    deps: activityDeps(orm, mailer, simulatorUrl),
    workflows: platformWorkflows(),
  });
  const running = worker.run();
  if (relayTiming) {
    // The relay's Temporal calls share the worker's native connection, as in `temporal/worker-main.ts`.
    const client = new Client({ connection });
    const target = { address: temporalAddress, namespace: 'default', taskQueue, uiUrl: '' };
    const relay = startInboxRelay({
      orm,
      calls: createCallClient(client, target, { counterGraceMs: relayTiming.counterGraceMs }),
      conversations: createConversationClient(client, target, { settleMs: relayTiming.settleMs }),
      relayGroup: taskQueue,
      listenUrl: databaseUrl,
    });
    await relay.ready;
  }
  process.stdout.write('worker-ready\n');
  await running;
}

void main();
