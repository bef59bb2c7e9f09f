import type { ChildProcess } from 'node:child_process';
import { startEntryProcess } from './entry-process';

/** Starts `api-entry.ts` in a child process on the given task queue; resolves with its URL once it listens. */
export async function startApiProcess(taskQueue: string): Promise<{ child: ChildProcess; url: string }> {
  const { child, ready } = await startEntryProcess('api-entry.ts', [taskQueue], /api-ready (\S+)/);
  return { child, url: ready[1]! };
}
