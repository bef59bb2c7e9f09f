import type { RunningSimulator } from '../../sim/start-simulator';
import { startTestSimulator } from '../support/test-simulator';
import { simControl } from '../../sim/sim-control';
import { createHarness, testDatabaseUrl, testTemporalAddress, type Harness } from '../support/harness';
import { makeWorld } from '../support/factories';
import { kill } from '../support/entry-process';
import { startWorkerProcess } from '../support/worker-process';
import { createBotVia, finishedJob, simResourcesOf, waitForStep } from './provisioning-support';

/**
 * The worker dies (SIGKILL) while Twilio has already sold the number but its answer never arrived. A new worker
 * finishes the run, finds that number by its friendly name, and buys no second one.
 */
describe('provisioning survives a worker crash', () => {
  let sim: RunningSimulator;
  let h: Harness;

  beforeAll(async () => {
    sim = await startTestSimulator(50);
    h = await createHarness({
      simulatorUrl: sim.url,
      provisioningTiming: {
        activityTimeoutMs: 4_000,
        providerRetry: { maxAttempts: 5, initialIntervalMs: 200, backoff: 2, maxIntervalMs: 1_000 },
        healthRetry: { maxAttempts: 10, initialIntervalMs: 200, backoff: 1.5, maxIntervalMs: 1_000 },
      },
    });
  });
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  it('completes with exactly one app and one number', async () => {
    const world = await makeWorld(h.orm, h.app);
    const admin = world.headers.platform_admin;
    const control = simControl(sim.url);
    const workerArgs = {
      databaseUrl: testDatabaseUrl(),
      temporalAddress: testTemporalAddress(),
      taskQueue: h.target.taskQueue,
      simulatorUrl: sim.url,
    };
    const first = await startWorkerProcess(workerArgs);
    await control.fault({ operation: 'twilio.buyNumber', mode: 'lose-reply', times: 1 });

    const { bot } = await createBotVia(h, admin, world.tenant.id);
    await waitForStep(h, admin, bot.id, 'buy_number', 'running');
    // Wait until Twilio has carried the purchase out, then crash the worker before it hears back.
    for (let i = 0; i < 100 && simResourcesOf(await control.state(), bot).numbers.length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(simResourcesOf(await control.state(), bot).numbers).toHaveLength(1);
    await kill(first);

    const second = await startWorkerProcess(workerArgs);
    try {
      const job = await finishedJob(h, admin, bot.id, 60_000);
      expect({ status: job.status, error: job.error }).toEqual({ status: 'done', error: null });
      const buy = job.steps.find((step: { name: string }) => step.name === 'buy_number');
      expect(buy.attempts).toBeGreaterThanOrEqual(2);
      const { apps, numbers } = simResourcesOf(await control.state(), bot);
      expect({ apps: apps.length, numbers: numbers.length }).toEqual({ apps: 1, numbers: 1 });
      const view = (await h.app.inject({ url: `/api/bots/${bot.id}`, headers: admin })).json();
      expect(view).toMatchObject({ status: 'ready', phoneNumber: numbers[0]!.phone_number });
    } finally {
      await kill(second);
    }
    // Two worker processes start and one dies: on a loaded machine that alone can take most of a minute.
  }, 180_000);
});
