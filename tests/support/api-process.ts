import type { ChildProcess } from 'node:child_process';
import { startEntryProcess } from './entry-process';

/**
 * Starts `api-entry.ts` in a child process on the given task queue; resolves with its URL once it listens. With
 * `relay: false` the process only acknowledges, as the production API does (the relay lives in the worker).
 */
export async function startApiProcess(
  taskQueue: string,
  options: { relay: boolean } = { relay: true },
): Promise<{ child: ChildProcess; url: string }> {
  const args = [taskQueue, options.relay ? 'relay' : 'no-relay'];
  const { child, ready } = await startEntryProcess('api-entry.ts', args, /api-ready (\S+)/);
  return { child, url: ready[1]! };
}
