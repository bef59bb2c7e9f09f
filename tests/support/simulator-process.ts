import type { SimulatorOptions } from '../../sim/app';
import { kill, startEntryProcess } from './entry-process';

/** Starts `simulator-entry.ts` in a child process; its state is read over HTTP (`sim/sim-control.ts`). */
export async function startSimulatorProcess(options: SimulatorOptions) {
  const { child, ready } = await startEntryProcess(
    'simulator-entry.ts',
    [JSON.stringify(options)],
    /simulator-ready (http\S+)/,
  );
  return { url: ready[1]!, pid: child.pid!, stop: () => kill(child) };
}
