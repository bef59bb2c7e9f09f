import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Starts `worker-entry.ts` in a child process and resolves once it polls; with `relay`, the process also relays
 * the webhook inbox of its task queue, woken by NOTIFY, as the production worker does.
 */
export async function startWorkerProcess(args: {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  simulatorUrl: string;
  relay?: { counterGraceMs: number };
}): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, 'worker-entry.ts'),
      args.databaseUrl,
      args.temporalAddress,
      args.taskQueue,
      args.simulatorUrl,
      JSON.stringify(args.relay ?? null),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker-ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
  return child;
}

export function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
