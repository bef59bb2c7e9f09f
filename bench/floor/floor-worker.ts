import { randomUUID } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { TemporalTarget } from '../../temporal/client';

/**
 * A floor's worker: `workflowsPath` with the floor's stand-in `activities`, on a task queue of its own
 * (`<queuePrefix>-<uuid>`) of the default namespace, so a floor never takes the platform's tasks.
 */
export async function startFloorWorker(options: {
  temporalAddress: string;
  queuePrefix: string;
  workflowsPath: string;
  activities: object;
}): Promise<{ target: TemporalTarget; stop(): Promise<void> }> {
  const taskQueue = `${options.queuePrefix}-${randomUUID()}`;
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    activities: options.activities,
    workflowsPath: options.workflowsPath,
    shutdownGraceTime: '5 seconds',
  });
  const running = worker.run();
  return {
    target: { address: options.temporalAddress, namespace: 'default', taskQueue, uiUrl: 'http://localhost:8233' },
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
