// The API (with its webhook inbox relay) in its own process, so a test can kill it the way a crash would.
import { createHarness } from './harness';

async function main(): Promise<void> {
  const [taskQueue] = process.argv.slice(2) as [string];
  const h = await createHarness({ taskQueue, callTiming: { counterGraceMs: 200, finalizeAfterMs: 60_000 } });
  const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`api-ready ${url}\n`);
}

void main();
