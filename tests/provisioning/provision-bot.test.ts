import { AuditLog } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { RunningSimulator } from '../../sim/start-simulator';
import { startTestSimulator } from '../support/test-simulator';
import { simControl } from '../../sim/sim-control';
import { createHarness, type Harness } from '../support/harness';
import { makeWorld } from '../support/factories';
import { createBotVia, finishedJob, simResourcesOf, stepStatuses, waitForStep } from './provisioning-support';

describe('bot provisioning saga', () => {
  let sim: RunningSimulator;
  let control: ReturnType<typeof simControl>;
  let h: Harness;
  let world: Awaited<ReturnType<typeof makeWorld>>;

  beforeAll(async () => {
    sim = await startTestSimulator(100);
    control = simControl(sim.url);
    h = await createHarness({ worker: true, simulatorUrl: sim.url });
    world = await makeWorld(h.orm, h.app);
  });
  afterEach(() => control.clearFaults());
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  const admin = () => world.headers.platform_admin;

  /** The bot's status changes as audited, oldest first: from, to, cause, reason, who. */
  const transitionsOf = (botId: string) =>
    inScope(h.orm, { system: 'test' }, async (em) =>
      (
        await em.find(
          AuditLog,
          { targetId: botId, action: 'bot.transition' },
          { orderBy: { createdAt: 'asc', id: 'asc' } },
        )
      ).map((row) => ({
        ...(row.details as { from: string; to: string; cause: string; reason?: string; system?: string }),
        actorRole: row.actorRole ?? null,
        tenantId: row.tenantId ?? null,
      })),
    );

  /** The job's status changes as audited, oldest first: from, to, cause, reason, which worker. */
  const jobTransitionsOf = (jobId: string) =>
    inScope(h.orm, { system: 'test' }, async (em) =>
      (
        await em.find(
          AuditLog,
          { targetId: jobId, action: 'job.transition' },
          { orderBy: { createdAt: 'asc', id: 'asc' } },
        )
      ).map((row) => {
        const { from, to, cause, reason, system } = row.details as Record<string, string | undefined>;
        return { from, to, cause, reason, system, actorRole: row.actorRole ?? null };
      }),
    );

  it('provisions a bot to ready: app built, configured and scaled, number bought and pointed at the platform', async () => {
    const { bot, job } = await createBotVia(h, admin(), world.tenant.id);
    expect(job.workflowId).toBe(`provision-bot-${bot.id}`);
    expect(job.workflowUrl).toContain(encodeURIComponent(job.workflowId));

    const finished = await finishedJob(h, admin(), bot.id);
    expect(finished.status).toBe('done');
    expect(finished.steps.map((s: { status: string; attempts: number }) => [s.status, s.attempts])).toEqual(
      Array(7).fill(['done', 1]),
    );

    const ready = (await h.app.inject({ url: `/api/bots/${bot.id}`, headers: admin() })).json();
    expect(ready).toMatchObject({ status: 'ready', herokuAppName: expect.stringMatching(/^vp-/) });
    const { apps, numbers } = simResourcesOf(await control.state(), bot);
    expect(apps).toHaveLength(1);
    // Where Twilio streams the bot's calls: the app's own web URL, as Heroku reports it.
    expect(ready.appUrl).toBe(apps[0]!.web_url);
    expect(apps[0]!.config_vars).toMatchObject({ TENANT_ID: world.tenant.id, BOT_ID: bot.id });
    expect(apps[0]!.formation).toEqual([expect.objectContaining({ type: 'web', quantity: 1 })]);
    expect(numbers).toHaveLength(1);
    expect(numbers[0]).toMatchObject({
      phone_number: ready.phoneNumber,
      voice_url: 'http://localhost:3000/telephony/incoming',
    });

    const description = await h.client.workflow.getHandle(job.workflowId).describe();
    expect(description.searchAttributes).toMatchObject({ TenantId: [world.tenant.id], BotId: [bot.id] });

    expect(ready.failureReason).toBeNull();
    const worker = { system: 'provisioning-worker', actorRole: null, reason: undefined };
    expect(await jobTransitionsOf(job.id)).toEqual([
      { from: 'queued', to: 'running', cause: 'started', ...worker },
      { from: 'running', to: 'done', cause: 'succeeded', ...worker },
    ]);
    expect(await transitionsOf(bot.id)).toEqual([
      {
        from: 'provisioning',
        to: 'ready',
        cause: 'provisioned',
        system: 'provisioning-worker',
        actorRole: null,
        tenantId: world.tenant.id,
      },
    ]);
  });

  it('retries transient provider errors (two 503s) and still reaches ready, counting the attempts', async () => {
    await control.fault({ operation: 'twilio.buyNumber', mode: 'fail', status: 503, times: 2 });
    await control.fault({ operation: 'heroku.updateConfigVars', mode: 'fail', status: 503, times: 2 });
    const { bot } = await createBotVia(h, admin(), world.tenant.id);
    const finished = await finishedJob(h, admin(), bot.id);
    expect(finished.status).toBe('done');
    const attempts = Object.fromEntries(
      finished.steps.map((s: { name: string; attempts: number }) => [s.name, s.attempts]),
    );
    expect(attempts).toMatchObject({ set_config: 3, buy_number: 3, create_app: 1 });
    const { apps, numbers } = simResourcesOf(await control.state(), bot);
    expect([apps.length, numbers.length]).toEqual([1, 1]);
  });

  const failures: [string, Parameters<typeof control.fault>[0], string[]][] = [
    ['create_app', { operation: 'heroku.getAppSetup', mode: 'setup-failed', message: 'buildpack exploded' }, []],
    ['set_config', { operation: 'heroku.updateConfigVars', mode: 'fail', status: 422, times: 0 }, ['create_app']],
    ['scale_formation', { operation: 'heroku.scaleFormation', mode: 'fail', status: 422, times: 0 }, ['create_app']],
    ['buy_number', { operation: 'twilio.searchNumbers', mode: 'empty', times: 0 }, ['create_app']],
    [
      'configure_webhooks',
      { operation: 'twilio.updateNumber', mode: 'fail', status: 400, times: 0 },
      ['create_app', 'buy_number'],
    ],
    ['health_check', { operation: 'app.health', mode: 'fail', status: 503, times: 0 }, ['create_app', 'buy_number']],
  ];

  it.each(failures)(
    'undoes everything created before a failure at %s and marks the bot failed with the error',
    async (step, fault, compensated) => {
      await control.fault(fault);
      const { bot } = await createBotVia(h, admin(), world.tenant.id);
      const job = await finishedJob(h, admin(), bot.id);
      expect(job.status).toBe('error');
      expect(job.error).toContain(`${step}:`);
      const statuses = stepStatuses(job);
      expect(statuses[step]).toBe('failed');
      for (const undone of compensated) expect(statuses[undone]).toBe('compensated');
      const failedStep = job.steps.find((s: { name: string }) => s.name === step);
      expect(failedStep.lastError).toEqual(expect.any(String));

      const botView = (await h.app.inject({ url: `/api/bots/${bot.id}`, headers: admin() })).json();
      expect(botView).toMatchObject({ status: 'failed', phoneNumber: null, appUrl: null, failureReason: job.error });
      expect(botView.failureReason).toContain(`${step}:`);
      expect(await transitionsOf(bot.id)).toEqual([
        {
          from: 'provisioning',
          to: 'failed',
          cause: 'provisioning_failed',
          reason: job.error,
          system: 'provisioning-worker',
          actorRole: null,
          tenantId: world.tenant.id,
        },
      ]);
      const customerView = await h.app.inject({ url: `/api/bots/${bot.id}`, headers: world.headers.customer_admin });
      expect(customerView.json()).toMatchObject({ status: 'failed', failureReason: null });
      const { apps, numbers } = simResourcesOf(await control.state(), bot);
      expect({ apps: apps.length, numbers: numbers.length }).toEqual({ apps: 0, numbers: 0 });
    },
  );

  it('retries a failed bot as a new run that reaches ready', async () => {
    await control.fault({ operation: 'heroku.scaleFormation', mode: 'fail', status: 422, times: 0 });
    const { bot } = await createBotVia(h, admin(), world.tenant.id);
    expect((await finishedJob(h, admin(), bot.id)).status).toBe('error');
    await control.clearFaults();

    const retried = await h.app.inject({ method: 'POST', url: `/api/bots/${bot.id}/retry`, headers: admin() });
    expect(retried.statusCode).toBe(202);
    expect((await finishedJob(h, admin(), bot.id)).status).toBe('done');
    const again = await h.app.inject({ method: 'POST', url: `/api/bots/${bot.id}/retry`, headers: admin() });
    expect(again.statusCode).toBe(409);

    const view = (await h.app.inject({ url: `/api/bots/${bot.id}`, headers: admin() })).json();
    expect(view).toMatchObject({ status: 'ready', failureReason: null });
    const transitions = await transitionsOf(bot.id);
    expect(transitions.map((t) => [t.from, t.to, t.cause, t.actorRole])).toEqual([
      ['provisioning', 'failed', 'provisioning_failed', null],
      ['failed', 'provisioning', 'retry', 'platform_admin'],
      ['provisioning', 'ready', 'provisioned', null],
    ]);
    expect(transitions[0]!.reason).toContain('scale_formation:');
  });

  it('compensates when an admin cancels a run that waits for health', async () => {
    await control.fault({ operation: 'app.health', mode: 'fail', status: 503, times: 0 });
    const { bot } = await createBotVia(h, admin(), world.tenant.id);
    await waitForStep(h, admin(), bot.id, 'health_check', 'retrying');
    const canceled = await h.app.inject({ method: 'POST', url: `/api/bots/${bot.id}/cancel`, headers: admin() });
    expect(canceled.statusCode).toBe(202);
    const job = await finishedJob(h, admin(), bot.id);
    expect(job).toMatchObject({ status: 'canceled', error: 'Canceled by an administrator' });
    expect(
      (await jobTransitionsOf(job.id)).map(({ from, to, cause, reason, system }) => [from, to, cause, reason, system]),
    ).toEqual([
      ['queued', 'running', 'started', undefined, 'provisioning-worker'],
      ['running', 'canceled', 'canceled', 'Canceled by an administrator', 'provisioning-worker'],
    ]);
    expect(stepStatuses(job)).toMatchObject({
      create_app: 'compensated',
      buy_number: 'compensated',
      health_check: 'failed',
    });
    const { apps, numbers } = simResourcesOf(await control.state(), bot);
    expect([apps.length, numbers.length]).toEqual([0, 0]);
  });

  it('rotates a ready bot’s number and releases the old one, leaving exactly one number', async () => {
    const { bot } = await createBotVia(h, admin(), world.tenant.id);
    await finishedJob(h, admin(), bot.id);
    const before = (await h.app.inject({ url: `/api/bots/${bot.id}`, headers: admin() })).json();

    const rotation = await h.app.inject({ method: 'POST', url: `/api/bots/${bot.id}/rotate-number`, headers: admin() });
    expect(rotation.statusCode).toBe(202);
    expect(rotation.json().workflowId).toMatch(/^rotate-number-/);
    expect((await finishedJob(h, admin(), bot.id)).status).toBe('done');

    const after = (await h.app.inject({ url: `/api/bots/${bot.id}`, headers: admin() })).json();
    expect(after.phoneNumber).not.toBe(before.phoneNumber);
    const { numbers } = simResourcesOf(await control.state(), bot);
    expect(numbers.map((n) => n.phone_number)).toEqual([after.phoneNumber]);
  });

  it('keeps the old number when a rotation fails, and releases the new one', async () => {
    const { bot } = await createBotVia(h, admin(), world.tenant.id);
    await finishedJob(h, admin(), bot.id);
    const before = (await h.app.inject({ url: `/api/bots/${bot.id}`, headers: admin() })).json();
    await control.fault({ operation: 'twilio.updateNumber', mode: 'fail', status: 400, times: 0 });

    await h.app.inject({ method: 'POST', url: `/api/bots/${bot.id}/rotate-number`, headers: admin() });
    const job = await finishedJob(h, admin(), bot.id);
    expect(job.status).toBe('error');
    const after = (await h.app.inject({ url: `/api/bots/${bot.id}`, headers: admin() })).json();
    expect(after).toMatchObject({ status: 'ready', phoneNumber: before.phoneNumber });
    const { numbers } = simResourcesOf(await control.state(), bot);
    expect(numbers.map((n) => n.phone_number)).toEqual([before.phoneNumber]);
  });

  it('deprovisions a bot and leaves no app or number behind', async () => {
    const { bot } = await createBotVia(h, admin(), world.tenant.id);
    await finishedJob(h, admin(), bot.id);
    await h.app.inject({ method: 'POST', url: `/api/bots/${bot.id}/rotate-number`, headers: admin() });
    await finishedJob(h, admin(), bot.id);

    const deleted = await h.app.inject({ method: 'DELETE', url: `/api/bots/${bot.id}`, headers: admin() });
    expect(deleted.statusCode).toBe(202);
    expect(deleted.json().workflowId).toBe(`deprovision-bot-${bot.id}`);
    expect((await finishedJob(h, admin(), bot.id)).status).toBe('done');
    const view = (await h.app.inject({ url: `/api/bots/${bot.id}`, headers: admin() })).json();
    expect(view).toMatchObject({ status: 'deprovisioned', phoneNumber: null, herokuAppName: null, appUrl: null });
    expect((await transitionsOf(bot.id)).map((t) => [t.from, t.to, t.cause])).toEqual([
      ['provisioning', 'ready', 'provisioned'],
      ['ready', 'deprovisioning', 'delete'],
      ['deprovisioning', 'deprovisioned', 'deprovisioned'],
    ]);
    const again = await h.app.inject({ method: 'DELETE', url: `/api/bots/${bot.id}`, headers: admin() });
    expect(again.statusCode).toBe(409);
    const { apps, numbers } = simResourcesOf(await control.state(), bot);
    expect([apps.length, numbers.length]).toEqual([0, 0]);
  });

  it('streams every step change as Server-Sent Events until the job ends', async () => {
    const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { bot } = await createBotVia(h, admin(), world.tenant.id);
    const response = await fetch(`${address}/api/bots/${bot.id}/provisioning/stream`, { headers: admin() });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    const events = text
      .split('\n\n')
      .filter((chunk) => chunk.startsWith('event:'))
      .map((chunk) => ({
        event: /^event: (\w+)/.exec(chunk)![1],
        data: JSON.parse(/\ndata: (.*)$/s.exec(chunk)![1]!),
      }));
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)!.data.status).toBe('done');
    expect(events.at(-1)).toEqual({ event: 'end', data: { status: 'done' } });
    const doneCounts = progress.map((e) => e.data.steps.filter((s: { status: string }) => s.status === 'done').length);
    expect(doneCounts).toEqual([...doneCounts].sort((a, b) => a - b));
  });

  it('lists provisioning jobs for platform staff, filtered by status, and refuses customers', async () => {
    const jobs = await h.app.inject({
      url: `/api/provisioning/jobs?tenantId=${world.tenant.id}&status=done&pageSize=100`,
      headers: world.headers.support,
    });
    expect(jobs.statusCode).toBe(200);
    expect(jobs.json().items.length).toBeGreaterThan(0);
    expect(
      jobs
        .json()
        .items.every(
          (j: { status: string; tenantId: string }) => j.status === 'done' && j.tenantId === world.tenant.id,
        ),
    ).toBe(true);
    const customer = await h.app.inject({ url: '/api/provisioning/jobs', headers: world.headers.customer_admin });
    expect(customer.statusCode).toBe(403);
  });
});
