import type { ChildProcess } from 'node:child_process';
import { startEntryProcess } from './entry-process';

/**
 * Starts `worker-entry.ts` in a child process and resolves once it polls; with `relay`, the process also relays
 * the webhook inbox of its task queue, woken by NOTIFY, as the production worker does.
 */
export async function startWorkerProcess(args: {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  simulatorUrl: string;
  /** Relay the inbox too; call workflows wait `counterGraceMs`, conversations `settleMs` for their other half. */
  relay?: { counterGraceMs: number; settleMs?: number };
}): Promise<ChildProcess> {
  const { child } = await startEntryProcess(
    'worker-entry.ts',
    [args.databaseUrl, args.temporalAddress, args.taskQueue, args.simulatorUrl, JSON.stringify(args.relay ?? null)],
    /worker-ready/,
  );
  return child;
}
