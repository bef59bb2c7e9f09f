import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { AuditLog, Bot, ProvisioningJob, Tenant, TenantSettings } from '../db/entities';
import { inScope } from '../db/scope';
import { provisioningWorkflowId } from '../domain/provisioning/provisioning-steps';
import { onboardingWorkflowId } from '../domain/tenants/onboarding-steps';
import { simControl } from '../sim/sim-control';
import type { RunningSimulator } from '../sim/start-simulator';
import { createOnboardingClient } from '../temporal/onboarding-client';
import { createProvisioningClient } from '../temporal/provisioning-client';
import { platformWorkflows } from './support/workflow-bundle';
import { simResourcesOf } from './provisioning/provisioning-support';
import { createHarness, FAST_TIMING, type Harness } from './support/harness';
import { startTestSimulator } from './support/test-simulator';

/** A run that released a bot before removing its tenant; re-record with RECORD_HISTORIES=1 only on purpose. */
const FIXTURE = path.join(__dirname, 'fixtures', 'tenant-onboarding-cleanup.history.bin');
/**
 * An expiry recorded with the workflow as it was before the release step (commit 2762cf8, stub activities): runs
 * that were already past the patch point when it shipped must still replay, through the old removal activity.
 */
const PRE_PATCH_FIXTURE = path.join(__dirname, 'fixtures', 'tenant-onboarding-expired.history.bin');
const VERIFICATION_TIMEOUT_MS = 1_000;

describe('removal of a tenant that never verified its email', () => {
  let sim: RunningSimulator;
  let control: ReturnType<typeof simControl>;
  let h: Harness;

  beforeAll(async () => {
    sim = await startTestSimulator(50);
    control = simControl(sim.url);
    h = await createHarness({ worker: true, simulatorUrl: sim.url });
  });
  afterEach(() => control.clearFaults());
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  /**
   * A pending tenant with a ready bot, as the old bot creation allowed: the rows are inserted directly (the API
   * now refuses) and the real provisioning workflow builds the app and buys the number in the simulator.
   */
  async function pendingTenantWithReadyBot(): Promise<{ tenantId: string; botId: string }> {
    const suffix = randomUUID().slice(0, 8);
    const { tenantId, botId, jobId } = await inScope(h.orm, { system: 'test' }, async (em) => {
      const tenant = em.create(Tenant, {
        name: `Unverified ${suffix}`,
        slug: `unverified-${suffix}`,
        contactEmail: `unverified-${suffix}@example.test`,
        status: 'pending_verification',
      });
      await em.flush();
      em.create(TenantSettings, { tenantId: tenant.id });
      const bot = em.create(Bot, {
        tenantId: tenant.id,
        name: 'Early Bot',
        status: 'provisioning',
        locale: 'de-AT',
        voice: 'elevenlabs:Rachel',
        greeting: 'Servus!',
      });
      await em.flush();
      const job = em.create(ProvisioningJob, {
        tenantId: tenant.id,
        botId: bot.id,
        kind: 'provision',
        status: 'queued',
        workflowId: provisioningWorkflowId('provision', bot.id, 'unused'),
      });
      await em.flush();
      return { tenantId: tenant.id, botId: bot.id, jobId: job.id };
    });
    const provisioning = createProvisioningClient(h.client, h.target, FAST_TIMING);
    const { workflowId } = await provisioning.start('provision', { botId, tenantId, jobId });
    await h.client.workflow.getHandle(workflowId).result();
    const bot = await inScope(h.orm, { system: 'test' }, (em) => em.findOneOrFail(Bot, { id: botId }));
    expect(bot.status).toBe('ready');
    const held = simResourcesOf(await control.state(), { id: botId });
    expect([held.apps.length, held.numbers.length]).toEqual([1, 1]);
    return { tenantId, botId };
  }

  /** Onboarding with a deadline of a second, started only once the bot is ready. */
  async function onboardAndLetExpire(tenantId: string) {
    const onboarding = createOnboardingClient(h.client, h.target, VERIFICATION_TIMEOUT_MS);
    await onboarding.start(tenantId);
    return h.client.workflow.getHandle(onboardingWorkflowId(tenantId));
  }

  const tenantExists = async (id: string) =>
    (await inScope(h.orm, { system: 'test' }, (em) => em.count(Tenant, { id }))) === 1;

  it('releases the app and the number of every bot before the tenant row goes', async () => {
    const { tenantId, botId } = await pendingTenantWithReadyBot();
    const handle = await onboardAndLetExpire(tenantId);
    expect(await handle.result()).toBe('expired');

    const left = simResourcesOf(await control.state(), { id: botId });
    expect({ apps: left.apps.length, numbers: left.numbers.length }).toEqual({ apps: 0, numbers: 0 });
    expect(await tenantExists(tenantId)).toBe(false);
    const audit = await inScope(h.orm, { system: 'test' }, (em) =>
      em.findOne(AuditLog, { targetId: botId, action: 'bot.deprovision' }),
    );
    expect(audit?.details).toMatchObject({ reason: 'tenant_not_verified_in_time' });
    const transitions = await inScope(h.orm, { system: 'test' }, (em) =>
      em.find(AuditLog, { targetId: botId, action: 'bot.transition' }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
    );
    expect(transitions.map((row) => row.details)).toEqual([
      { from: 'provisioning', to: 'ready', cause: 'provisioned', system: 'provisioning-worker' },
      { from: 'ready', to: 'deprovisioning', cause: 'tenant_not_verified', system: 'onboarding-worker' },
      { from: 'deprovisioning', to: 'deprovisioned', cause: 'deprovisioned', system: 'provisioning-worker' },
    ]);
    // The tenant row is gone; its removal is audited as the worker's, and the record outlives it.
    const removal = await inScope(h.orm, { system: 'test' }, (em) =>
      em.find(AuditLog, { targetId: tenantId, action: 'tenant.removed' }),
    );
    expect(removal.map((row) => [row.tenantId, row.actorRole, row.details])).toEqual([
      [null, null, { from: 'pending_verification', cause: 'not_verified_in_time', system: 'onboarding-worker' }],
    ]);

    const history = await handle.fetchHistory();
    if (process.env.RECORD_HISTORIES) writeFileSync(FIXTURE, temporal.api.history.v1.History.encode(history).finish());
    await expect(
      Worker.runReplayHistory(platformWorkflows(), history, onboardingWorkflowId(tenantId)),
    ).resolves.toBeUndefined();
  });

  it('keeps the tenant, and says so, when a bot’s app cannot be deleted', async () => {
    const { tenantId, botId } = await pendingTenantWithReadyBot();
    await control.fault({ operation: 'heroku.deleteApp', mode: 'fail', status: 422, times: 0 });
    const handle = await onboardAndLetExpire(tenantId);

    const failure = await handle.result().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(String((failure as WorkflowFailedError).cause?.message)).toMatch(/could not be deprovisioned.*was kept/);
    expect(await tenantExists(tenantId)).toBe(true);
    const left = simResourcesOf(await control.state(), { id: botId });
    expect(left.apps).toHaveLength(1);
  });

  it.each([
    ['a removal that released a bot', FIXTURE],
    ['a removal recorded before bots were released', PRE_PATCH_FIXTURE],
  ])('replays the committed history of %s', async (_name, fixture) => {
    expect(existsSync(fixture)).toBe(true);
    const history = temporal.api.history.v1.History.decode(readFileSync(fixture));
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
  });
});
