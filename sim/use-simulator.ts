import type { SimulatorOptions } from './app';
import { simControl } from './sim-control';
import { startSimulator, type RunningSimulator } from './start-simulator';

/**
 * For a simulator's own test files: registers the suite's hooks (one simulator per file, reset before each test)
 * and gives the running simulator once it has started; `name` says which one an early use meant.
 */
export function useSimulator(options: SimulatorOptions = {}, name = 'the simulator'): () => RunningSimulator {
  let running: RunningSimulator | undefined;
  beforeAll(async () => {
    running = await startSimulator({ port: 0, ...options });
  });
  afterAll(() => running?.stop());
  beforeEach(() => simControl(started().url).reset());
  function started(): RunningSimulator {
    if (!running) throw new Error(`${name} starts in beforeAll; use it inside tests and hooks`);
    return running;
  }
  return started;
}
