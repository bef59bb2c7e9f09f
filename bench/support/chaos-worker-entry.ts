// The chaos bench's worker: Temporal worker and webhook inbox relay in one process, as `temporal/worker-main.ts`
// runs them in production, so the bench can SIGKILL it. Like `tests/support/worker-entry.ts`, but its relay starts
// calls with a short `finalizeAfterMs` (a lost final status is reconciled within the run, not after 15 minutes)
// and keeps going through database and Temporal restarts as the production relay does (errors reported, not fatal).
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createOrm } from '../../db/orm';
import { startInboxRelay } from '../../domain/webhook-inbox/relay-loop';
import { createCallClient } from '../../temporal/call-client';
import { createConversationClient } from '../../temporal/conversation-client';
import { createWorker } from '../../temporal/worker';
import { activityDeps } from '../../tests/support/harness';

async function main(): Promise<void> {
  const [databaseUrl, temporalAddress, taskQueue, simulatorUrl, timingJson] = process.argv.slice(2) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const timing = JSON.parse(timingJson) as { counterGraceMs: number; finalizeAfterMs: number };
  const orm = await createOrm(databaseUrl, { poolMax: 10 });
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await createWorker({
    connection,
    namespace: 'default',
    taskQueue,
    deps: activityDeps(orm, { send: async () => 'logged' as const }, simulatorUrl),
  });
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect({ address: temporalAddress }) });
  const target = { address: temporalAddress, namespace: 'default', taskQueue, uiUrl: '' };
  let relayErrors = 0;
  let relayed = 0;
  const calls = createCallClient(client, target, timing);
  const relay = startInboxRelay({
    orm,
    calls: {
      ...calls,
      signalStatus: async (...args) => {
        await calls.signalStatus(...args);
        relayed += 1;
      },
    },
    conversations: createConversationClient(client, target),
    relayGroup: taskQueue,
    listenUrl: databaseUrl,
    onError: () => {
      relayErrors += 1;
    },
  });
  await relay.ready;
  // What the relay did since the last report, so the bench can tell a stalled relay from an idle one.
  setInterval(() => {
    process.stdout.write(`relay-errors ${relayErrors} relayed ${relayed}\n`);
    relayErrors = 0;
    relayed = 0;
  }, 2_000).unref();
  process.stdout.write('worker-ready\n');
  await running;
}

main().catch((error: unknown) => {
  process.stderr.write(`chaos worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
