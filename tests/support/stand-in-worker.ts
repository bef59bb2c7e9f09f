import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { testTemporalAddress } from './harness';
import { platformWorkflows } from './workflow-bundle';
import { quietTemporalLogs } from './quiet-temporal-logs';

/** Activities a test writes itself: any name the workflow under test calls, in any shape it is called with. */
export type StandInActivities = Record<string, (...args: never[]) => Promise<unknown>>;

export interface StandInWorker {
  client: Client;
  taskQueue: string;
}

/**
 * Runs `body` with a worker of the platform's workflows on a task queue of its own, whose activities are the
 * given stand-ins: the workflow's orchestration (retries, failures, compensation, progress) is what is under test,
 * driven into paths no real provider can be made to take on demand.
 */
export async function withStandInWorker<T>(
  activities: StandInActivities,
  body: (worker: StandInWorker) => Promise<T>,
): Promise<T> {
  quietTemporalLogs();
  const taskQueue = `stand-in-${randomUUID()}`;
  const connection = await NativeConnection.connect({ address: testTemporalAddress() });
  const client = new Client({ connection: await Connection.connect({ address: testTemporalAddress() }) });
  try {
    const worker = await Worker.create({ connection, taskQueue, activities, ...platformWorkflows() });
    return await worker.runUntil(body({ client, taskQueue }));
  } finally {
    await client.connection.close();
    await connection.close();
  }
}
