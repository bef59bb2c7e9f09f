import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import type { RunningSimulator } from '../../sim/start-simulator';
import { startTestSimulator } from '../support/test-simulator';
import { simControl } from '../../sim/sim-control';
import { platformWorkflows } from '../support/workflow-bundle';
import { createHarness, type Harness } from '../support/harness';
import { makeWorld } from '../support/factories';
import { createBotVia, finishedJob } from './provisioning-support';

/** Re-record with RECORD_HISTORIES=1 only for an intended, versioned change of the workflow. */
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'provision-bot.history.bin');

describe('provisionBot determinism', () => {
  let sim: RunningSimulator;
  let h: Harness;

  beforeAll(async () => {
    sim = await startTestSimulator(50);
    h = await createHarness({ worker: true, simulatorUrl: sim.url });
  });
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  it('replays the history of a run that retried and one that compensated', async () => {
    const world = await makeWorld(h.orm, h.app);
    const control = simControl(sim.url);
    await control.fault({ operation: 'twilio.buyNumber', mode: 'fail', status: 503, times: 1 });
    const ok = await createBotVia(h, world.headers.platform_admin, world.tenant.id);
    await finishedJob(h, world.headers.platform_admin, ok.bot.id);
    await control.fault({ operation: 'heroku.scaleFormation', mode: 'fail', status: 422, times: 1 });
    const failed = await createBotVia(h, world.headers.platform_admin, world.tenant.id);
    await finishedJob(h, world.headers.platform_admin, failed.bot.id);

    for (const workflowId of [ok.job.workflowId, failed.job.workflowId]) {
      const handle = h.client.workflow.getHandle(workflowId);
      await handle.result().catch(() => undefined);
      const history = await handle.fetchHistory();
      if (process.env.RECORD_HISTORIES && workflowId === ok.job.workflowId) {
        writeFileSync(FIXTURE, temporal.api.history.v1.History.encode(history).finish());
      }
      await expect(Worker.runReplayHistory(platformWorkflows(), history, workflowId)).resolves.toBeUndefined();
    }
  });

  it('replays a provisioning history recorded with an earlier build', async () => {
    expect(existsSync(FIXTURE)).toBe(true);
    const history = temporal.api.history.v1.History.decode(readFileSync(FIXTURE));
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
  });
});
