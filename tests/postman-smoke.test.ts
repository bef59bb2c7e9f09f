import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PASSWORD, makeUser } from './support/factories';
import { createHarness, TEST_WEBHOOK_BASE, type Harness } from './support/harness';
import { startTestSimulator } from './support/test-simulator';

/** The part of newman's JSON report the smoke reads. */
interface NewmanSummary {
  run: {
    stats: { requests: { total: number }; assertions: { total: number; failed: number } };
    failures: { error: { name: string; message: string; test?: string }; source?: { name?: string } }[];
    executions: { item: { name: string } }[];
  };
}
const NEWMAN = path.join(path.dirname(require.resolve('newman/package.json')), 'bin', 'newman.js');

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
    // newman runs in a process of its own, as from a shell: its script sandbox is a VM context that the
    // Temporal worker's promise hooks in this process would reach into.
    const report = path.join(mkdtempSync(path.join(tmpdir(), 'newman-')), 'report.json');
    const envVars = {
      baseUrl,
      adminEmail: admin.email,
      adminPassword: PASSWORD,
      twilioWebhookBase: TEST_WEBHOOK_BASE,
      pollDelayMs: '250',
    };
    const args = [NEWMAN, 'run', COLLECTION, '--reporters', 'cli,json', '--reporter-json-export', report];
    args.push('--timeout-request', '30000', '--timeout', '150000', '--color', 'off');
    for (const [key, value] of Object.entries(envVars)) args.push('--env-var', `${key}=${value}`);
    const output = await new Promise<string>((resolve) => {
      execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (_error, stdout, stderr) =>
        resolve(`${stdout}${stderr}`),
      );
    });
    if (!existsSync(report)) throw new Error(`newman wrote no report:\n${output.slice(-4000)}`);
    const summary = JSON.parse(readFileSync(report, 'utf8')) as NewmanSummary;

    const failures = summary.run.failures.map(
      (failure) =>
        `${failure.source?.name ?? '?'}: ${failure.error.test ?? failure.error.name}: ${failure.error.message}`,
    );
    if (failures.length > 0) console.log(output.split('\n').slice(-120).join('\n'));
    expect(failures).toEqual([]);
    // Every step ran (polls repeat a step, never skip one) and asserted something.
    const ran = new Set(summary.run.executions.map((execution) => execution.item.name));
    expect(ran.size).toBe(JSON.parse(readFileSync(COLLECTION, 'utf8')).item.length);
    expect(summary.run.stats.assertions.total).toBeGreaterThanOrEqual(15);
    expect(summary.run.stats.assertions.failed).toBe(0);
  }, 180_000);
});
