import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import type Stripe from 'stripe';
import { createActivities } from '../../activities';
import { AuditLog, OffboardingRun, TenantExport } from '../../db/entities';
import { inScope } from '../../db/scope';
import { offboardingWorkflowId } from '../../domain/offboarding/offboarding-port';
import { startOffboarding } from '../../domain/offboarding/start-offboarding';
import { stripeClientFor } from '../../sim/stripe/sdk-client';
import type { RunningSimulator } from '../../sim/start-simulator';
import { createConversationClient } from '../../temporal/conversation-client';
import { createSyncSchedulePause } from '../../temporal/conversation-sync-client';
import { createOffboardingClient, createTenantWorkflowStops } from '../../temporal/offboarding-client';
import { platformWorkflows } from '../support/workflow-bundle';
import type { OffboardingTiming } from '../../workflows/offboard-tenant';
import { bearerFor, makeUser } from '../support/factories';
import { activityDeps, createHarness, FAST_TIMING, testTemporalAddress, type Harness } from '../support/harness';
import { startTestSimulator } from '../support/test-simulator';
import {
  finishedRun,
  offboardingOf,
  populatedTenant,
  providerState,
  tenantRowCounts,
  type Headers,
  type PopulatedTenant,
} from './offboarding-support';

/** A complete offboarding from before the Stripe customer and the recordings were deleted (kept for replay). */
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'offboard-tenant.history.bin');
/** A complete offboarding that deletes them (patch `offboarding-deletes-customer-and-recordings`); re-record with
 * RECORD_HISTORIES=1 only on purpose. */
const PATCHED_FIXTURE = path.join(__dirname, '..', 'fixtures', 'offboard-tenant-customer-and-recordings.history.bin');

const TIMING: Partial<OffboardingTiming> = {
  activityTimeoutMs: 10_000,
  purgeTimeoutMs: 30_000,
  stepRetry: { maxAttempts: 4, initialIntervalMs: 100, backoff: 2, maxIntervalMs: 1_000 },
  botWaitMs: 500,
  botWaitChecks: 20,
  deprovision: FAST_TIMING,
};

/** What outlives a tenant on purpose: its run record and its export, kept for the retention period. */
const KEPT = { offboarding_runs: 1, tenant_exports: 1 };

describe('tenant offboarding', () => {
  let sim: RunningSimulator;
  let h: Harness;
  let stripe: Stripe;
  let platform: Headers;
  let support: Headers;

  beforeAll(async () => {
    sim = await startTestSimulator(50);
    h = await createHarness({
      worker: true,
      simulatorUrl: sim.url,
      elevenLabsUrl: `${sim.url}/elevenlabs`,
      provisioningTiming: FAST_TIMING,
      offboardingTiming: TIMING,
    });
    stripe = stripeClientFor(sim.url);
    platform = await bearerFor(h.app, await makeUser(h.orm, 'platform_admin', null));
    support = await bearerFor(h.app, await makeUser(h.orm, 'support', null));
  });
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  /** Nothing of the tenant at any provider, no row of it but the run record and the export, no personal data. */
  async function expectGoneWithoutTrace(world: PopulatedTenant) {
    expect(await tenantRowCounts(h, world.tenant.id)).toEqual(KEPT);
    expect(await providerState(h, sim.url, stripe, world)).toEqual({
      apps: 0,
      numbers: 0,
      subscription: 'canceled',
      customer: 'deleted',
      schedule: false,
      recordings: 0,
    });
    const survivors = await inScope(h.orm, { system: 'test' }, async (em) => ({
      audit: await em.find(AuditLog, { targetId: world.tenant.id }),
      run: await em.findOneOrFail(OffboardingRun, { tenantId: world.tenant.id }),
      export: await em.findOneOrFail(TenantExport, { tenantId: world.tenant.id }),
      // Any audit row at all that still names the tenant's people.
      naming: await em.execute<{ n: string }[]>(
        `select count(*) as n from audit_log where details::text ilike ? or details::text ilike ? or details::text ilike ?`,
        [`%${world.member.email}%`, `%${world.tenant.contactEmail}%`, `%${world.tenant.name}%`],
      ),
    }));
    expect(survivors.audit.map((row) => [row.action, row.tenantId]).sort()).toEqual([
      ['tenant.offboarded', null],
      ['tenant.offboarding_started', null],
    ]);
    expect(Number(survivors.naming[0]!.n)).toBe(0);
    const text = JSON.stringify(survivors);
    for (const personal of [world.tenant.name, world.tenant.slug, world.tenant.contactEmail, world.member.email]) {
      expect(text).not.toContain(personal);
    }
    expect(survivors.run.exportId).toBe(survivors.export.id);
    expect(survivors.export.status).toBe('ready');
  }

  it('exports, cancels, releases and deletes everything of the tenant, and leaves another tenant untouched', async () => {
    const a = await populatedTenant(h, sim.url, stripe, platform);
    const b = await populatedTenant(h, sim.url, stripe, platform);
    const bRowsBefore = await tenantRowCounts(h, b.tenant.id);

    // Only a platform admin may offboard, or follow a run; another tenant's people do not even see the tenant.
    for (const [headers, status] of [
      [support, 403],
      [a.memberHeaders, 403],
      [b.memberHeaders, 404],
    ] as const) {
      const refused = await h.app.inject({ method: 'DELETE', url: `/api/tenants/${a.tenant.id}`, headers });
      expect(refused.statusCode).toBe(status);
      expect((await offboardingOf(h, headers, a.tenant.id)).status).toBe(status);
    }
    expect((await offboardingOf(h, platform, a.tenant.id)).status).toBe(404);

    const started = await h.app.inject({ method: 'DELETE', url: `/api/tenants/${a.tenant.id}`, headers: platform });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({
      tenantId: a.tenant.id,
      status: 'running',
      workflowId: offboardingWorkflowId(a.tenant.id),
    });
    // At once: the tenant's people are signed out, and a second delete is refused.
    expect((await h.app.inject({ url: '/api/auth/me', headers: a.memberHeaders })).statusCode).toBe(401);
    const again = await h.app.inject({ method: 'DELETE', url: `/api/tenants/${a.tenant.id}`, headers: platform });
    expect(again.statusCode).toBe(409);

    const run = await finishedRun(h, platform, a.tenant.id);
    expect({ status: run.status, error: run.error }).toEqual({ status: 'done', error: null });
    expect(run.steps.map((step) => [step.name, step.status])).toEqual([
      ['mark_offboarding', 'done'],
      ['export', 'done'],
      ['cancel_subscription', 'done'],
      ['delete_customer', 'done'],
      ['deprovision_bots', 'done'],
      ['stop_sync', 'done'],
      ['delete_recordings', 'done'],
      ['delete_rows', 'done'],
      ['record_audit', 'done'],
    ]);
    await expectGoneWithoutTrace(a);
    // The run answers after the tenant is gone; the tenant itself does not.
    expect((await h.app.inject({ url: `/api/tenants/${a.tenant.id}`, headers: platform })).statusCode).toBe(404);
    expect(
      (await h.app.inject({ method: 'DELETE', url: `/api/tenants/${a.tenant.id}`, headers: platform })).statusCode,
    ).toBe(409);

    // Tenant B keeps every row and every resource, its Stripe customer and its recordings.
    expect(await tenantRowCounts(h, b.tenant.id)).toEqual(bRowsBefore);
    expect(await providerState(h, sim.url, stripe, b)).toEqual({
      apps: 2,
      numbers: 2,
      subscription: 'active',
      customer: 'kept',
      schedule: true,
      recordings: 2,
    });
    expect((await h.app.inject({ url: '/api/auth/me', headers: b.memberHeaders })).statusCode).toBe(200);

    const handle = h.client.workflow.getHandle(offboardingWorkflowId(a.tenant.id));
    const history = await handle.fetchHistory();
    if (process.env.RECORD_HISTORIES)
      writeFileSync(PATCHED_FIXTURE, temporal.api.history.v1.History.encode(history).finish());
    await expect(
      Worker.runReplayHistory(platformWorkflows(), history, offboardingWorkflowId(a.tenant.id)),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['from before the customer and the recordings were deleted', FIXTURE],
    ['that deletes the customer and the recordings', PATCHED_FIXTURE],
  ])('replays the committed history of an offboarding %s', async (_, fixture) => {
    expect(existsSync(fixture)).toBe(true);
    const history = temporal.api.history.v1.History.decode(readFileSync(fixture));
    await expect(
      Worker.runReplayHistory(platformWorkflows(), history, 'offboard-tenant-replay'),
    ).resolves.toBeUndefined();
  });

  /**
   * Every activity of the offboarding and of its bots' deprovisioning does its work and then "crashes" once (the
   * worker dies before its answer arrives), the worst moment for a retry: the run still ends with the same state.
   */
  it('finishes with nothing left anywhere when each step crashes once after doing its work', async () => {
    const world = await populatedTenant(h, sim.url, stripe, platform);
    const taskQueue = `${h.target.taskQueue}-crashes`;
    const crashed: string[] = [];
    const crashing = new Set([
      'markTenantOffboarding',
      'requestOffboardingExport',
      'findOffboardingSubscriptions',
      'cancelOffboardedSubscription',
      'findOffboardingCustomers',
      'deleteOffboardedCustomer',
      'prepareOffboardingBotRelease',
      'stopOffboardedSync',
      'removeOffboardedRecordings',
      'purgeTenantRows',
      'recordTenantOffboarded',
      'recordOffboardingProgress',
      'releaseBotNumbers',
      'deleteBotApp',
      'markBotDeprovisioned',
    ]);
    const connection = await NativeConnection.connect({ address: testTemporalAddress() });
    const client = new Client({ connection: await Connection.connect({ address: testTemporalAddress() }) });
    const activities = createActivities({
      // The harness's recordings store, where the tenant's recordings are.
      ...activityDeps(h.orm, { send: async () => 'logged' }, sim.url, {
        url: `${sim.url}/elevenlabs`,
        audio: h.audio!,
      }),
      conversations: createConversationClient(client, { taskQueue }),
      syncSchedules: createSyncSchedulePause(client),
      tenantWorkflows: createTenantWorkflowStops(client),
    });
    const injected = Object.fromEntries(
      Object.entries(activities).map(([name, activity]) => [
        name,
        async (...args: unknown[]) => {
          const result = await (activity as (...a: unknown[]) => Promise<unknown>)(...args);
          if (crashing.has(name) && !crashed.includes(name)) {
            crashed.push(name);
            throw new Error(`injected crash after ${name}`);
          }
          return result;
        },
      ]),
    );
    const worker = await Worker.create({ connection, taskQueue, activities: injected, ...platformWorkflows() });
    const running = worker.run();
    try {
      const offboarding = createOffboardingClient(client, { ...h.target, taskQueue }, TIMING);
      const actor = {
        userId: (await makeUser(h.orm, 'platform_admin', null)).id,
        role: 'platform_admin' as const,
        tenantId: null,
      };
      await startOffboarding({ orm: h.orm, offboarding }, { actor, tenantId: world.tenant.id });
      const run = await finishedRun(h, platform, world.tenant.id);
      expect({ status: run.status, error: run.error }).toEqual({ status: 'done', error: null });
      expect(crashed.sort()).toEqual([...crashing].sort());
      // Every step ran twice or more: the crash, then the retry that found its work already done.
      for (const step of run.steps)
        expect({ step: step.name, retried: step.attempts >= 2 }).toEqual({ step: step.name, retried: true });
      await expectGoneWithoutTrace(world);
    } finally {
      worker.shutdown();
      await running;
      await connection.close();
      await client.connection.close();
    }
  }, 180_000); // every step runs twice, and the export and bot deprovisioning as children: a loaded CI needs room
});
