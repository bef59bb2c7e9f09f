import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PASSWORD, makeUser } from './support/factories';
import { createHarness, TEST_WEBHOOK_BASE, type Harness } from './support/harness';
import { startTestSimulator } from './support/test-simulator';

/** The part of newman's Node API the smoke uses (newman ships no types). */
interface NewmanSummary {
  run: {
    stats: { requests: { total: number }; assertions: { total: number; failed: number } };
    failures: { error: { name: string; message: string; test?: string }; source?: { name?: string } }[];
    executions: { item: { name: string } }[];
  };
}
const newman = createRequire(__filename)('newman') as {
  run(
    options: Record<string, unknown>,
    callback: (error: Error | null, summary: NewmanSummary) => void,
  ): { on(event: string, listener: (...args: unknown[]) => void): void };
};

const COLLECTION = path.resolve(__dirname, '..', 'ops', 'postman_collection.json');

/**
 * The Postman smoke collection, run by newman against a real platform: the API on a port, Temporal with a worker,
 * PostgreSQL and the provider simulators (provisioning on its Heroku and Twilio, billing on its Stripe).
 */
describe('ops/postman_collection.json', () => {
  let h: Harness;
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let baseUrl: string;

  beforeAll(async () => {
    sim = await startTestSimulator();
    h = await createHarness({ worker: true, simulatorUrl: sim.url });
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  it('is a Postman v2.1 collection with the seed’s steps in order', () => {
    const collection = JSON.parse(readFileSync(COLLECTION, 'utf8'));
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    const names: string[] = collection.item.map((item: { name: string }) => item.name);
    const order = [
      'Sign in',
      'Create tenant',
      'Create bot',
      'Poll bot status',
      'Twilio',
      'Run invoice',
      'Check invoice',
    ];
    const positions = order.map((part) => names.findIndex((name) => name.includes(part)));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // No secret of a live platform is stored in it: the admin password comes from the environment.
    expect(collection.variable.find((v: { key: string }) => v.key === 'adminPassword').value).toBe('');
  });

  it('runs green with newman: tenant, ready bot, metered signed webhooks, invoice run', async () => {
    const admin = await makeUser(h.orm, 'platform_admin', null);
    const log: string[] = [];
    const summary = await new Promise<NewmanSummary>((resolve, reject) => {
      const run = newman.run(
        {
          collection: COLLECTION,
          envVar: [
            { key: 'baseUrl', value: baseUrl },
            { key: 'adminEmail', value: admin.email },
            { key: 'adminPassword', value: PASSWORD },
            { key: 'twilioWebhookBase', value: TEST_WEBHOOK_BASE },
            { key: 'pollDelayMs', value: '250' },
          ],
          reporters: [],
          timeoutRequest: 30_000,
          timeout: 150_000,
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      // Each request and its answer, shown if the run fails.
      run.on('request', (error, args) => {
        const { item, response } = args as { item: { name: string }; response?: { code: number; text(): string } };
        const line = `${item.name}: ${error ? String(error) : `${response?.code} ${response?.text().slice(0, 300)}`}`;
        if (log.at(-1) !== line) log.push(line);
      });
    });

    const failures = summary.run.failures.map(
      (failure) =>
        `${failure.source?.name ?? '?'}: ${failure.error.test ?? failure.error.name}: ${failure.error.message}`,
    );
    if (failures.length > 0) console.log(log.slice(-40).join('\n'));
    expect(failures).toEqual([]);
    // Every step ran (polls repeat a step, never skip one) and asserted something.
    const ran = new Set(summary.run.executions.map((execution) => execution.item.name));
    expect(ran.size).toBe(JSON.parse(readFileSync(COLLECTION, 'utf8')).item.length);
    expect(summary.run.stats.assertions.total).toBeGreaterThanOrEqual(15);
    expect(summary.run.stats.assertions.failed).toBe(0);
  }, 180_000);
});
