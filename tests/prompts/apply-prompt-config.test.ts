import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { simControl } from '../../sim/sim-control';
import type { RunningSimulator } from '../../sim/start-simulator';
import { createPromptConfigClient } from '../../temporal/prompt-config-client';
import { platformWorkflows } from '../support/workflow-bundle';
import { applyPromptConfigWorkflowId, type ApplyPromptConfigResult } from '../../workflows/apply-prompt-config';
import { createBotVia, finishedJob, simResourcesOf } from '../provisioning/provisioning-support';
import { makeWorld } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { startTestSimulator } from '../support/test-simulator';

/** Re-record with RECORD_HISTORIES=1 only for an intended, versioned change of the workflow. */
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'apply-prompt-config.history.bin');

type World = Awaited<ReturnType<typeof makeWorld>>;

const settings = (businessName: string, agentName: string) => ({
  businessName,
  businessShortName: businessName.split(' ')[0]!,
  agentName,
  locale: 'de-AT',
  timeZone: 'Europe/Vienna',
  emergencyNumber: '144',
});

/** Bots get their prompt as config vars at provisioning, and again from every save, through the Heroku simulator. */
describe('applyPromptConfig', () => {
  let sim: RunningSimulator;
  let h: Harness;
  let a: World;
  let b: World;
  let botOfA: { id: string };
  let botOfB: { id: string };

  const varsOf = async (bot: { id: string }) => {
    const [app] = simResourcesOf(await simControl(sim.url).state(), bot).apps;
    if (!app) throw new Error(`no app for bot ${bot.id}`);
    return app.config_vars;
  };
  const save = async (world: World, body: ReturnType<typeof settings>) => {
    const response = await h.app.inject({
      method: 'PUT',
      url: '/api/prompt-config',
      headers: world.headers.customer_admin,
      payload: body,
    });
    if (response.statusCode !== 200) throw new Error(`save: ${response.statusCode} ${response.body}`);
    const { version } = response.json<{ version: number }>();
    const workflowId = applyPromptConfigWorkflowId(world.tenant.id, version);
    const result = await h.client.workflow.getHandle(workflowId).result();
    return { workflowId, result: result as ApplyPromptConfigResult };
  };

  beforeAll(async () => {
    sim = await startTestSimulator(50);
    h = await createHarness({ worker: true, simulatorUrl: sim.url });
    a = await makeWorld(h.orm, h.app);
    b = await makeWorld(h.orm, h.app);
    await save(a, settings('Seeblick Studio Graz', 'Lena'));
    botOfA = (await createBotVia(h, a.headers.platform_admin, a.tenant.id)).bot;
    botOfB = (await createBotVia(h, b.headers.platform_admin, b.tenant.id)).bot;
    for (const [world, bot] of [
      [a, botOfA],
      [b, botOfB],
    ] as const) {
      expect((await finishedJob(h, world.headers.platform_admin, bot.id)).status).toBe('done');
    }
    // Two worlds sign in eight users (argon2) on a shared machine, then two bots are provisioned.
  }, 240_000);
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  it('gives a new bot the prompt of its tenant’s settings when it is provisioned', async () => {
    const varsA = await varsOf(botOfA);
    expect(varsA).toMatchObject({ BOT_ROLE: 'receptionist', BOT_PROMPT_VERSION: '1' });
    expect(varsA.BOT_GREETING).toContain('Seeblick Studio Graz');
    expect(varsA.BOT_PROMPT).toContain('Lena');
    expect(varsA.BOT_PROMPT).toContain('144');
    // B saved nothing: its bot speaks in B's own name, derived from the tenant.
    const varsB = await varsOf(botOfB);
    expect(varsB.BOT_GREETING).toContain(b.tenant.name);
    expect(varsB.BOT_PROMPT_VERSION).toBe('0');
    expect(`${varsB.BOT_GREETING}${varsB.BOT_PROMPT}`).not.toContain('Seeblick');
  });

  it('sets the new prompt on the tenant’s ready bots after a save, and on no other tenant’s', async () => {
    const varsBBefore = await varsOf(botOfB);
    // One refused write on the way: the activity's bounded retries carry it.
    await simControl(sim.url).fault({ operation: 'heroku.updateConfigVars', mode: 'fail', status: 503, times: 1 });
    const { result } = await save(a, settings('Seeblick Studio Leoben', 'Mara'));
    expect(result).toMatchObject({ version: 2, applied: [botOfA.id], skipped: [] });
    const varsA = await varsOf(botOfA);
    expect(varsA.BOT_GREETING).toContain('Seeblick Studio Leoben');
    expect(varsA.BOT_GREETING).not.toContain('Graz');
    expect(varsA.BOT_PROMPT).toContain('Mara');
    expect(varsA.BOT_PROMPT_VERSION).toBe('2');
    // What provisioning set besides the prompt stays.
    expect(varsA.BOT_ID).toBe(botOfA.id);
    expect(await varsOf(botOfB)).toEqual(varsBBefore);
  });

  it('changes nothing when the same version is rolled out again', async () => {
    const before = await varsOf(botOfA);
    const { startRollout } = createPromptConfigClient(h.client, h.target);
    const { workflowId } = await startRollout({ tenantId: a.tenant.id, version: 2 });
    const again = (await h.client.workflow.getHandle(workflowId).result()) as ApplyPromptConfigResult;
    expect(again).toMatchObject({ version: 2, applied: [botOfA.id] });
    expect(await varsOf(botOfA)).toEqual(before);
  });

  it('replays the history of a rollout', async () => {
    const { workflowId } = await save(a, settings('Seeblick Studio Bruck', 'Lena'));
    const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
    if (process.env.RECORD_HISTORIES) {
      writeFileSync(FIXTURE, temporal.api.history.v1.History.encode(history).finish());
    }
    await expect(Worker.runReplayHistory(platformWorkflows(), history, workflowId)).resolves.toBeUndefined();
  });

  it('replays a rollout history recorded with an earlier build', async () => {
    expect(existsSync(FIXTURE)).toBe(true);
    const history = temporal.api.history.v1.History.decode(readFileSync(FIXTURE));
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
  });
});
