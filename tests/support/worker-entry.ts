// A worker in its own process, so a test can kill it the way a crash would (SIGKILL, no shutdown).
import { NativeConnection } from '@temporalio/worker';
import { createOrm } from '../../db/orm';
import { createWorker } from '../../temporal/worker';
import { activityDeps } from './harness';

async function main(): Promise<void> {
  const [databaseUrl, temporalAddress, taskQueue, simulatorUrl] = process.argv.slice(2) as [
    string,
    string,
    string,
    string,
  ];
  const orm = await createOrm(databaseUrl, { poolMax: 3 });
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const mailer = { send: async () => 'logged' as const };
  const worker = await createWorker({
    connection,
    namespace: 'default',
    taskQueue,
    deps: activityDeps(orm, mailer, simulatorUrl),
  });
  const running = worker.run();
  process.stdout.write('worker-ready\n');
  await running;
}

void main();
