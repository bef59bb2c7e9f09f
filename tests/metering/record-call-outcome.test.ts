import { randomUUID } from 'node:crypto';
import { AuditLog, CallLog, UsageEvent } from '../../db/entities';
import { createOrm, type Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordCallOutcome, type CallOutcome } from '../../domain/telephony/record-call-outcome';
import { makeTenant } from '../support/factories';
import { testDatabaseUrl } from '../support/harness';

const actor = { system: 'call-metering' };
const STARTED = '2026-11-05T10:00:00.000Z';
const ENDED = '2026-11-05T10:03:00.000Z';

/**
 * The metering of an ended call as the call workflow's last activity does it, for the outcomes a simulated call
 * rarely produces: no final status, no duration, a call without a log, an outcome recorded twice.
 */
describe('recording a call’s outcome', () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
  });
  afterAll(() => orm?.close());

  /** A tenant's ready bot and (unless `logged` is false) the in-progress call log the voice webhook writes. */
  async function call(logged = true) {
    const tenant = await makeTenant(orm);
    const botId = randomUUID();
    const callSid = `CA${randomUUID().replaceAll('-', '')}`;
    await inScope(orm, { system: 'test' }, async (em) => {
      await em.execute(
        `insert into bots (id, tenant_id, name, status, locale, voice, greeting)
         values (?, ?, 'Bot', 'ready', 'de-AT', 'v', 'Hallo')`,
        [botId, tenant.id],
      );
      if (logged) {
        await em.execute(
          `insert into call_logs (id, tenant_id, bot_id, provider, external_call_id, status, started_at)
           values (gen_random_uuid(), ?, ?, 'twilio', ?, 'in-progress', ?)`,
          [tenant.id, botId, callSid, STARTED],
        );
      }
    });
    const start = { callSid, tenantId: tenant.id, botId, from: '+431234567', to: '+439876543', startedAt: STARTED };
    return { tenantId: tenant.id, start };
  }
  const outcome = (start: CallOutcome['call'], overrides: Partial<CallOutcome> = {}): CallOutcome => ({
    call: start,
    status: 'completed',
    durationSeconds: 125,
    endedAt: ENDED,
    counters: {},
    ...overrides,
  });
  const logOf = (callSid: string) =>
    inScope(orm, { system: 'test' }, (em) =>
      em.findOneOrFail(CallLog, { provider: 'twilio', externalCallId: callSid }, { refresh: true }),
    );
  const usageOf = async (callSid: string) =>
    Object.fromEntries(
      (await inScope(orm, { system: 'test' }, (em) => em.find(UsageEvent, { callSid }))).map((event) => [
        event.kind,
        Number(event.quantity),
      ]),
    );

  it('flags a call that never got a final status as metering_failed, billing no minutes, audited', async () => {
    const { tenantId, start } = await call();
    const result = await recordCallOutcome(
      { orm },
      { actor, outcome: outcome(start, { status: 'unknown', durationSeconds: null, counters: { stt_requests: 4 } }) },
    );
    expect(result).toEqual({ status: 'unknown', minutes: 0 });
    expect(await usageOf(start.callSid)).toEqual({ stt_requests: 4 });
    expect(await logOf(start.callSid)).toMatchObject({
      status: 'metering_failed',
      endedAt: new Date(ENDED),
      durationSeconds: null,
    });
    const audits = await inScope(orm, { system: 'test' }, (em) =>
      em.find(AuditLog, { tenantId, action: 'call.transition' }),
    );
    expect(audits.map((entry) => entry.details)).toEqual([
      {
        from: 'in-progress',
        to: 'metering_failed',
        cause: 'metering_failed',
        callSid: start.callSid,
        reason: 'No final status came from Twilio',
        system: 'call-metering',
      },
    ]);
  });

  it('bills no minutes for a completed call whose duration Twilio did not report', async () => {
    const { start } = await call();
    const result = await recordCallOutcome({ orm }, { actor, outcome: outcome(start, { durationSeconds: null }) });
    expect(result).toEqual({ status: 'completed', minutes: 0 });
    expect(await usageOf(start.callSid)).toEqual({});
    expect((await logOf(start.callSid)).status).toBe('completed');
  });

  it('meters a call that has no call log, writing no log', async () => {
    const { start } = await call(false);
    const result = await recordCallOutcome(
      { orm },
      { actor, outcome: outcome(start, { counters: { tts_chars: 900 } }) },
    );
    expect(result).toEqual({ status: 'completed', minutes: 3 });
    expect(await usageOf(start.callSid)).toEqual({ minutes: 3, tts_chars: 900 });
    const logs = await inScope(orm, { system: 'test' }, (em) => em.count(CallLog, { externalCallId: start.callSid }));
    expect(logs).toBe(0);
  });

  it('keeps the first outcome when a later one arrives: neither the status, the end nor the usage changes', async () => {
    const { start } = await call();
    await recordCallOutcome({ orm }, { actor, outcome: outcome(start) });
    const again = await recordCallOutcome(
      { orm },
      {
        actor,
        outcome: outcome(start, { durationSeconds: 400, endedAt: '2026-11-05T10:09:00.000Z' }),
      },
    );
    // The answer is the retried activity's own; what was recorded stays the first run's.
    expect(again).toEqual({ status: 'completed', minutes: 7 });
    expect(await logOf(start.callSid)).toMatchObject({
      status: 'completed',
      durationSeconds: 125,
      endedAt: new Date(ENDED),
    });
    expect(await usageOf(start.callSid)).toEqual({ minutes: 3 });
  });
});
