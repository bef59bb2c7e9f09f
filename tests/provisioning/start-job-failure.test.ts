import { randomInt } from 'node:crypto';
import { AuditLog, Bot, ProvisioningJob } from '../../db/entities';
import { createOrm, type Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import { failureOf } from '../support/failure-of';
import type { Actor } from '../../domain/auth/actor';
import { createBot } from '../../domain/bots/create-bot';
import { retryBotProvisioning } from '../../domain/bots/retry-bot-provisioning';
import { rotateBotNumber } from '../../domain/bots/rotate-bot-number';
import { AppError } from '../../domain/errors/app-error';
import { RunInProgressError, type ProvisioningWorkflows } from '../../domain/provisioning/provisioning-port';
import type { JobKind } from '../../contracts/provisioning-job';
import { makeTenant, makeUser } from '../support/factories';
import { testDatabaseUrl } from '../support/harness';

/**
 * What starting a provisioning job leaves behind when the workflow service refuses the start: the job is kept as
 * an error with the reason, a bot being provisioned is failed (so it can be retried), and the caller gets 409 for a
 * run still in progress and 503 for an outage. The port is a stand-in; the database is the real one.
 */
describe('starting a provisioning job the workflow service refuses', () => {
  let orm: Orm;
  let actor: Actor;

  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
    const admin = await makeUser(orm, 'platform_admin', null);
    actor = { userId: admin.id, role: 'platform_admin', tenantId: null };
  });
  afterAll(() => orm.close());

  /** A port whose `start` runs `before` (what else happened meanwhile) and then throws `error`. */
  function refusingPort(
    error: Error,
    before: (run: { jobId: string; botId: string }) => Promise<void> = async () => {},
  ) {
    const starts: { kind: JobKind; jobId: string }[] = [];
    const port: ProvisioningWorkflows = {
      async start(kind, run) {
        starts.push({ kind, jobId: run.jobId });
        await before(run);
        throw error;
      },
      cancel: async () => false,
      progress: async () => null,
      link: (workflowId) => `http://temporal.test/${workflowId}`,
    };
    return { port, starts };
  }

  const read = <T>(work: (em: ScopedEm) => Promise<T>) => inScope(orm, { system: 'test' }, work);
  /** The bot's one provisioning job (a failed start must not leave a second). */
  const onlyJobOf = async (botId: string) => {
    const jobs = await read((em) => em.find(ProvisioningJob, { botId }));
    expect(jobs).toHaveLength(1);
    return jobs[0]!;
  };
  const botOf = (botId: string) => read((em) => em.findOneOrFail(Bot, { id: botId }));

  async function insertBot(tenantId: string, status: Bot['status']): Promise<string> {
    const unique = randomInt(1e9, 1e10);
    return read(async (em) => {
      const bot = em.create(Bot, {
        tenantId,
        name: 'Reception',
        status,
        locale: 'de-AT',
        voice: 'elevenlabs:Rachel',
        greeting: 'Grüß Gott!',
        failureReason: status === 'failed' ? 'an earlier run failed' : null,
        ...(status === 'ready'
          ? { herokuAppName: `vp-${unique}`, twilioNumberSid: `PN${unique}`, twilioNumber: `+43${unique}` }
          : {}),
      });
      await em.flush();
      return bot.id;
    });
  }

  const newBotInput = (tenantId: string) => ({
    tenantId,
    name: 'Reception',
    locale: 'de-AT',
    voice: 'elevenlabs:Rachel',
    greeting: 'Grüß Gott!',
  });

  it('keeps a new bot’s job as an error, fails the bot and answers 503 when the service is unavailable', async () => {
    const tenant = await makeTenant(orm);
    const outage = new Error('connect ECONNREFUSED 127.0.0.1:7233');
    const { port, starts } = refusingPort(outage);

    const error = await failureOf(createBot({ orm, provisioning: port }, { actor, input: newBotInput(tenant.id) }));

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unavailable', status: 503, message: 'The workflow service is unavailable' });
    expect((error as AppError).cause).toBe(outage);
    expect(starts).toHaveLength(1);
    const bot = await read((em) => em.findOneOrFail(Bot, { tenantId: tenant.id }));
    expect(bot).toMatchObject({ status: 'failed', failureReason: 'The workflow service is unavailable' });
    const job = await onlyJobOf(bot.id);
    expect(job).toMatchObject({
      id: starts[0]!.jobId,
      kind: 'provision',
      status: 'error',
      error: 'The workflow service is unavailable',
      runId: null,
    });
    expect(job.finishedAt).toBeInstanceOf(Date);
    // Both changes are audited as the admin's, with the cause saying the start failed.
    const transitions = await read((em) =>
      em.find(AuditLog, {
        action: { $in: ['job.transition', 'bot.transition'] },
        targetId: { $in: [bot.id, job.id] },
      }),
    );
    expect(
      transitions.map((row) => [row.action, row.actorUserId, (row.details as { cause?: string }).cause]).sort(),
    ).toEqual([
      ['bot.transition', actor.userId, 'workflow_start_failed'],
      ['job.transition', actor.userId, 'start_failed'],
    ]);
  });

  it('answers 409 when a retried bot’s previous run is still in progress, and leaves the bot failed again', async () => {
    const tenant = await makeTenant(orm);
    const botId = await insertBot(tenant.id, 'failed');
    const { port } = refusingPort(new RunInProgressError('provision-bot'));

    const error = await failureOf(retryBotProvisioning({ orm, provisioning: port }, { actor, botId }));

    expect(error).toMatchObject({
      code: 'conflict',
      status: 409,
      message: 'Another run for this bot is still in progress',
    });
    expect(await botOf(botId)).toMatchObject({
      status: 'failed',
      failureReason: 'Another run for this bot is still in progress',
    });
    const job = await onlyJobOf(botId);
    expect(job).toMatchObject({
      kind: 'provision',
      status: 'error',
      error: 'Another run for this bot is still in progress',
    });
  });

  it('keeps a ready bot ready when its number rotation cannot start', async () => {
    const tenant = await makeTenant(orm);
    const botId = await insertBot(tenant.id, 'ready');
    const bot = await botOf(botId);
    const { port } = refusingPort(new Error('deadline exceeded'));

    const error = await failureOf(rotateBotNumber({ orm, provisioning: port }, { actor, botId }));

    expect(error).toMatchObject({ code: 'unavailable', status: 503 });
    // Only a provisioning start failure fails the bot: the rotation's failure leaves its number in service.
    expect(await botOf(botId)).toMatchObject({
      status: 'ready',
      failureReason: null,
      twilioNumberSid: bot.twilioNumberSid,
    });
    const job = await onlyJobOf(botId);
    expect(job).toMatchObject({ kind: 'rotate_number', status: 'error', error: 'The workflow service is unavailable' });
  });

  it('leaves a job its run already took over (the start timed out late) to that run', async () => {
    const tenant = await makeTenant(orm);
    const botId = await insertBot(tenant.id, 'ready');
    // The run started after all and recorded its first step before the client's start call gave up.
    const { port } = refusingPort(new Error('start timed out'), async ({ jobId }) => {
      await read((em) => em.nativeUpdate(ProvisioningJob, { id: jobId }, { status: 'running', startedAt: new Date() }));
    });

    const error = await failureOf(rotateBotNumber({ orm, provisioning: port }, { actor, botId }));

    expect(error).toMatchObject({ code: 'unavailable', status: 503 });
    const job = await onlyJobOf(botId);
    expect(job).toMatchObject({ kind: 'rotate_number', status: 'running', error: null, finishedAt: null });
  });

  it('leaves the bot of a provisioning its run already took over in provisioning, for the run to finish', async () => {
    const tenant = await makeTenant(orm);
    const botId = await insertBot(tenant.id, 'failed');
    const { port } = refusingPort(new Error('start timed out'), async ({ jobId }) => {
      await read((em) => em.nativeUpdate(ProvisioningJob, { id: jobId }, { status: 'running', startedAt: new Date() }));
    });

    const error = await failureOf(retryBotProvisioning({ orm, provisioning: port }, { actor, botId }));

    expect(error).toMatchObject({ code: 'unavailable', status: 503 });
    // Failing it here would refuse the run's own `provisioned` transition and open the door to a second run.
    expect(await botOf(botId)).toMatchObject({ status: 'provisioning' });
    const job = await onlyJobOf(botId);
    expect(job).toMatchObject({ kind: 'provision', status: 'running', error: null });
  });
});
