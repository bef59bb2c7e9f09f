import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { AuditLog } from '../../db/entities';
import { inScope } from '../../db/scope';
import { platformWorkflows } from '../support/workflow-bundle';
import { simControl } from '../../sim/sim-control';
import type { RunningSimulator } from '../../sim/start-simulator';
import { WorkflowFailedError } from '@temporalio/client';
import { createCallClient } from '../../temporal/call-client';
import { callStateQuery } from '../../workflows/call-lifecycle';
import { createHarness, TEST_WEBHOOK_BASE, type Harness } from '../support/harness';
import type { makeWorld } from '../support/factories';
import { startTestSimulator } from '../support/test-simulator';
import {
  callLog,
  callLogBot,
  callResult,
  postSignedTwilio,
  signedTwilioHeaders,
  usageOfCall,
  worldWithReadyBot,
} from './metering-support';

/** Re-record with RECORD_HISTORIES=1 only for an intended, versioned change of the workflow. */
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'call-lifecycle.history.bin');
const BATCHED_FIXTURE = path.join(__dirname, '..', 'fixtures', 'call-lifecycle-batched.history.bin');

describe('call metering from Twilio webhooks', () => {
  let sim: RunningSimulator;
  let control: ReturnType<typeof simControl>;
  let h: Harness;
  let apiUrl: string;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let phoneNumber: string;
  let herokuAppName: string;

  beforeAll(async () => {
    sim = await startTestSimulator();
    control = simControl(sim.url);
    h = await createHarness({
      worker: true,
      simulatorUrl: sim.url,
      callTiming: { counterGraceMs: 200, finalizeAfterMs: 1_500 },
    });
    apiUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
    ({ world, phoneNumber, herokuAppName } = await worldWithReadyBot(h));
  }, 120_000);
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  const call = (options: Partial<Parameters<typeof control.placeCall>[0]> = {}) =>
    control.placeCall({ to: phoneNumber, deliverTo: apiUrl, ...options });

  it('answers a signed call with TwiML that connects the media stream, and meters it once', async () => {
    const placed = await call({ durationSeconds: 75 });
    const voice = placed.deliveries[0]!;
    expect(voice.httpStatus).toBe(200);
    // The bot's own runtime takes the stream and greets the caller in the bot's voice: no <Say> here.
    const streamUrl = `${sim.url.replace(/^http/, 'ws')}/sim-apps/${herokuAppName}/media-stream`;
    expect(voice.body).toContain(`<Connect><Stream url="${streamUrl}">`);
    expect(voice.body).not.toContain('<Say');
    expect(placed.deliveries.slice(1).map((d) => d.httpStatus)).toEqual([204, 204, 204]);

    expect(await callResult(h, placed.callSid)).toEqual({ status: 'completed', minutes: 2 });
    expect(await usageOfCall(h, placed.callSid)).toEqual({ call_started: [1], minutes: [2] });
    expect(await callLog(h, placed.callSid)).toMatchObject({
      status: 'completed',
      durationSeconds: 75,
      tenantId: world.tenant.id,
    });
  });

  it.each([
    [0, 0],
    [1, 1],
    [59, 1],
    [60, 1],
    [61, 2],
    [3599, 60],
    [3600, 60],
  ])('bills a call of %i s as %i minutes', async (seconds, minutes) => {
    const placed = await call({ durationSeconds: seconds });
    expect((await callResult(h, placed.callSid)).minutes).toBe(minutes);
    const usage = await usageOfCall(h, placed.callSid);
    expect(usage.minutes ?? [0]).toEqual([minutes]);
    expect(usage.call_started).toEqual([1]);
  });

  it('ignores duplicated and reordered status callbacks', async () => {
    const placed = await call({ durationSeconds: 130, duplicates: true, reorder: true });
    expect(placed.deliveries.filter((d) => d.kind === 'status')).toHaveLength(6);
    await callResult(h, placed.callSid);
    expect(await usageOfCall(h, placed.callSid)).toEqual({ call_started: [1], minutes: [3] });
    // A duplicate arriving after the call closed (here with a different duration) changes nothing either.
    const late = {
      CallSid: placed.callSid,
      To: phoneNumber,
      From: '+4369912345678',
      CallStatus: 'completed',
      CallDuration: '9999',
    };
    const response = await postSignedTwilio(h, '/telephony/status', late);
    expect(response.statusCode).toBe(204);
    expect(await usageOfCall(h, placed.callSid)).toEqual({ call_started: [1], minutes: [3] });
  });

  it('reconciles a call whose completed callback was lost by asking Twilio', async () => {
    const fetchesBefore = (await control.state()).requestCounts['twilio.fetchCall'] ?? 0;
    const placed = await call({ durationSeconds: 200, drop: ['completed'] });
    const result = await callResult(h, placed.callSid);
    expect(result).toEqual({ status: 'completed', minutes: 4 });
    expect((await control.state()).requestCounts['twilio.fetchCall']).toBeGreaterThan(fetchesBefore);
    expect(await usageOfCall(h, placed.callSid)).toEqual({ call_started: [1], minutes: [4] });
  });

  it('replays recorded call histories deterministically (a reconciled one and a committed fixture)', async () => {
    const placed = await call({ durationSeconds: 64, drop: ['completed'], duplicates: true });
    await callResult(h, placed.callSid);
    const history = await h.client.workflow.getHandle(`call-${placed.callSid}`).fetchHistory();
    if (process.env.RECORD_HISTORIES) writeFileSync(FIXTURE, temporal.api.history.v1.History.encode(history).finish());
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
    const recorded = temporal.api.history.v1.History.decode(readFileSync(FIXTURE));
    await expect(Worker.runReplayHistory(platformWorkflows(), recorded)).resolves.toBeUndefined();
  });

  it('takes a call’s waiting statuses in one signal, in order, and replays that history', async () => {
    const calls = createCallClient(h.client, h.target, { counterGraceMs: 50, finalizeAfterMs: 60_000 });
    const callSid = `CA${'5'.repeat(24)}${Date.now().toString(16).padStart(8, '0').slice(-8)}`;
    const at = new Date().toISOString();
    const start = {
      callSid,
      tenantId: world.tenant.id,
      botId: (await callLogBot(h, world.tenant.id))!,
      from: '+43111',
      to: phoneNumber,
      startedAt: at,
    };
    await calls.signalStatus(start, [
      { status: 'ringing', durationSeconds: null, at },
      { status: 'in-progress', durationSeconds: null, at },
      { status: 'completed', durationSeconds: 125, at },
    ]);
    expect(await callResult(h, callSid)).toEqual({ status: 'completed', minutes: 3 });
    const handle = h.client.workflow.getHandle(`call-${callSid}`);
    expect((await handle.query(callStateQuery)).statuses).toEqual(['ringing', 'in-progress', 'completed']);
    expect(await usageOfCall(h, callSid)).toEqual({ call_started: [1], minutes: [3] });
    const history = await handle.fetchHistory();
    const signals = history.events!.filter((event) => event.workflowExecutionSignaledEventAttributes);
    expect(signals.map((event) => event.workflowExecutionSignaledEventAttributes!.signalName)).toEqual([
      'callStatuses',
    ]);
    if (process.env.RECORD_HISTORIES) {
      writeFileSync(BATCHED_FIXTURE, temporal.api.history.v1.History.encode(history).finish());
    }
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
    const recorded = temporal.api.history.v1.History.decode(readFileSync(BATCHED_FIXTURE));
    await expect(Worker.runReplayHistory(platformWorkflows(), recorded)).resolves.toBeUndefined();
  });

  it('does not bill minutes of a call that ended busy or unanswered', async () => {
    const busy = await call({ durationSeconds: 30, finalStatus: 'busy' });
    expect(await callResult(h, busy.callSid)).toEqual({ status: 'busy', minutes: 0 });
    expect(await usageOfCall(h, busy.callSid)).toEqual({ call_started: [1] });
    const unanswered = await call({ durationSeconds: 30, finalStatus: 'no-answer' });
    expect(await callResult(h, unanswered.callSid)).toEqual({ status: 'no-answer', minutes: 0 });
    expect(await usageOfCall(h, unanswered.callSid)).toEqual({ call_started: [1] });
  });

  it('does not double count when the worker restarts mid-call', async () => {
    const placed = await call({ durationSeconds: 95, hold: true });
    await h.restartWorker();
    await control.hangUp(placed.callSid);
    expect(await callResult(h, placed.callSid)).toEqual({ status: 'completed', minutes: 2 });
    expect(await usageOfCall(h, placed.callSid)).toEqual({ call_started: [1], minutes: [2] });
  });

  it('refuses unsigned and forged webhooks with 403 and records nothing', async () => {
    const params = { CallSid: `CA${'1'.repeat(32)}`, To: phoneNumber, From: '+43111', CallStatus: 'ringing' };
    const body = new URLSearchParams(params).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const unsigned = await h.app.inject({ method: 'POST', url: '/telephony/incoming', headers, payload: body });
    expect(unsigned.statusCode).toBe(403);
    const forged = await h.app.inject({
      method: 'POST',
      url: '/telephony/incoming',
      headers: {
        ...headers,
        'x-twilio-signature': getExpectedTwilioSignature(
          'not-the-token',
          `${TEST_WEBHOOK_BASE}/telephony/incoming`,
          params,
        ),
      },
      payload: body,
    });
    expect(forged.statusCode).toBe(403);
    // Signed for the ringing parameters, sent with others.
    const tampered = await h.app.inject({
      method: 'POST',
      url: '/telephony/status',
      headers: signedTwilioHeaders('/telephony/status', params),
      payload: new URLSearchParams({ ...params, CallStatus: 'completed', CallDuration: '9999' }).toString(),
    });
    expect(tampered.statusCode).toBe(403);
    expect(await usageOfCall(h, params.CallSid)).toEqual({});
  });

  it('answers 404 for a number no bot owns, never falling back to a tenant', async () => {
    const params = { CallSid: `CA${'2'.repeat(32)}`, To: '+15005550006', From: '+43111', CallStatus: 'ringing' };
    const response = await postSignedTwilio(h, '/telephony/incoming', params);
    expect(response.statusCode).toBe(404);
    expect(await usageOfCall(h, params.CallSid)).toEqual({});
  });

  it.each([
    ['a duration beyond a day', { CallDuration: '900000000' }, 'CallDuration'],
    ['a duration of a day and a second', { CallDuration: '86401' }, 'CallDuration'],
    ['a duration in exponent notation', { CallDuration: '1e3' }, 'CallDuration'],
    ['a duration in hexadecimal', { CallDuration: '0x10' }, 'CallDuration'],
    ['a blank duration', { CallDuration: ' ' }, 'CallDuration'],
    ['a timestamp in year 0', { Timestamp: '0000-01-01T00:00:00Z' }, 'Timestamp'],
    ['a timestamp that is no date', { Timestamp: 'yesterday-ish' }, 'Timestamp'],
    ['an unknown call status', { CallStatus: 'exploded' }, 'CallStatus'],
    ['a called number that is no phone address', { To: 'x'.repeat(80) }, 'To'],
  ])('refuses a correctly signed status callback with %s (400, nothing metered)', async (_name, change, field) => {
    const params = {
      CallSid: `CA${'3'.repeat(31)}${field.length % 10}`,
      To: phoneNumber,
      From: '+43111',
      CallStatus: 'completed',
      CallDuration: '60',
      ...change,
    };
    const response = await postSignedTwilio(h, '/telephony/status', params);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(response.json().errors)).toContain(field);
    expect(await usageOfCall(h, params.CallSid)).toEqual({});
  });

  it('accepts the longest possible call, a day, and bills 1440 minutes', async () => {
    const params = {
      CallSid: `CA${'5'.repeat(32)}`,
      To: phoneNumber,
      From: '+43111',
      CallStatus: 'completed',
      CallDuration: '86400',
      Timestamp: new Date().toUTCString(),
    };
    expect((await postSignedTwilio(h, '/telephony/status', params)).statusCode).toBe(204);
    expect(await callResult(h, params.CallSid)).toEqual({ status: 'completed', minutes: 1440 });
  });

  it('fails a call whose data the database refuses, marks it metering_failed, and stops retrying', async () => {
    const calls = createCallClient(h.client, h.target, { counterGraceMs: 50, finalizeAfterMs: 60_000 });
    const callSid = `CA${'4'.repeat(32)}`;
    const start = {
      callSid,
      tenantId: world.tenant.id,
      botId: (await callLogBot(h, world.tenant.id))!,
      from: '+43111',
      to: phoneNumber,
      startedAt: new Date().toISOString(),
    };
    // Past the edge's validation only by a bug: the activity must fail for good, not retry for ever.
    await calls.signalStatus(start, [{ status: 'completed', durationSeconds: 30, at: '0000-01-01T00:00:00Z' }]);
    const failure = await h.client.workflow
      .getHandle(`call-${callSid}`)
      .result()
      .then(
        () => null,
        (error: unknown) => error as Error,
      );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(String((failure as WorkflowFailedError).cause?.message)).toContain('Metering call');
    const flagged = await callLog(h, callSid);
    expect(flagged).toMatchObject({ status: 'metering_failed' });
    expect(await usageOfCall(h, callSid)).toEqual({ call_started: [1] });
    // The one audited call transition: rare, and someone has to look at the call.
    const audit = await inScope(h.orm, { system: 'test' }, (em) =>
      em.find(AuditLog, { targetId: flagged!.id, action: 'call.transition' }),
    );
    expect(audit.map((row) => [row.tenantId, row.actorRole, row.details])).toEqual([
      [
        world.tenant.id,
        null,
        {
          from: 'in-progress',
          to: 'metering_failed',
          cause: 'metering_failed',
          callSid,
          reason: expect.stringContaining('SQLSTATE'),
          system: 'metering-worker',
        },
      ],
    ]);
  });
});
