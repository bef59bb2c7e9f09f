// The API (with or without a webhook inbox relay) in its own process, so a test can kill it as a crash would.
import { createHarness } from './harness';

async function main(): Promise<void> {
  const [taskQueue, relay] = process.argv.slice(2) as [string, 'relay' | 'no-relay'];
  const h = await createHarness({
    taskQueue,
    callTiming: { counterGraceMs: 200, finalizeAfterMs: 60_000 },
    relay: relay === 'relay' ? undefined : false,
  });
  const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`api-ready ${url}\n`);
}

void main();
