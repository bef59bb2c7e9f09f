import { inScope } from '../../db/scope';
import type { CallWorkflows } from '../../domain/telephony/call-port';
import { DEFAULT_RELAY_POLICY, type RelayPolicy } from '../../domain/webhook-inbox/relay-policy';
import { recordInboundEvent } from '../../domain/webhook-inbox/record-inbound-event';
import { relayRound } from '../../domain/webhook-inbox/relay-round';
import type { RunningSimulator } from '../../sim/start-simulator';
import { startApiProcess } from '../support/api-process';
import { createHarness, type Harness } from '../support/harness';
import { startTestSimulator } from '../support/test-simulator';
import { createCallClient } from '../../temporal/call-client';
import { kill } from '../support/entry-process';
import { callResult, postSignedTwilio, signedTwilioHeaders, usageOfCall, worldWithReadyBot } from './metering-support';

interface InboxRow {
  dedupe_key: string;
  status: string;
  attempts: number;
  last_error: string | null;
  workflow_id: string | null;
}

/**
 * The inbound-webhook inbox (decision 008): a signed webhook is written to `webhook_events` before it is
 * acknowledged, duplicates are dropped there, and the relay delivers rows in order per call with bounded retries.
 * This suite's harness runs no relay of its own: each test drives relay rounds itself, or runs the API in a child
 * process that it kills.
 */
describe('webhook inbox', () => {
  let sim: RunningSimulator;
  let h: Harness;
  let phoneNumber: string;
  let tenantId: string;
  let sidCounter = 0;

  beforeAll(async () => {
    sim = await startTestSimulator();
    h = await createHarness({
      worker: true,
      relay: false,
      simulatorUrl: sim.url,
      callTiming: { counterGraceMs: 200, finalizeAfterMs: 60_000 },
    });
    const ready = await worldWithReadyBot(h);
    tenantId = ready.world.tenant.id;
    phoneNumber = ready.phoneNumber;
  }, 120_000);
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  const newSid = () => `CA${Date.now().toString(16).padStart(16, '0')}${(sidCounter++).toString(16).padStart(16, '0')}`;
  const params = (callSid: string, status: string, extra: Record<string, string> = {}) => ({
    CallSid: callSid,
    To: phoneNumber,
    From: '+4369912345678',
    CallStatus: status,
    ...extra,
  });
  const post = (url: string, body: Record<string, string>) => postSignedTwilio(h, url, body);

  const rowsOf = (callSid: string) =>
    inScope(h.orm, { system: 'test' }, (em) =>
      em.execute<InboxRow[]>(
        `select dedupe_key, status, attempts, last_error, workflow_id from webhook_events
          where subject_key = ? order by seq`,
        [`twilio:${callSid}`],
      ),
    );
  /** Runs relay rounds for this suite's rows until none of the call is pending any more. */
  const relayUntilSettled = async (calls: CallWorkflows, callSid: string, policy: Partial<RelayPolicy> = {}) => {
    const settings = { ...DEFAULT_RELAY_POLICY, initialBackoffMs: 20, maxBackoffMs: 100, ...policy };
    for (let round = 0; round < 200; round += 1) {
      await relayRound({ orm: h.orm, calls, relayGroup: h.target.taskQueue }, settings);
      if ((await rowsOf(callSid)).every((row) => row.status !== 'pending')) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`rows of ${callSid} still pending`);
  };
  /** A call port that records what reaches it and fails as told. */
  const recordingPort = (fail: (status: string, attempt: number) => boolean = () => false) => {
    const delivered: string[] = [];
    const attempts = new Map<string, number>();
    const attempt = (status: string) => {
      const n = (attempts.get(status) ?? 0) + 1;
      attempts.set(status, n);
      if (fail(status, n)) throw new Error(`temporal unavailable (${status} attempt ${n})`);
      delivered.push(status);
    };
    const port: CallWorkflows = {
      async signalStatus(_start, events) {
        events.forEach((event) => attempt(event.status));
      },
      async signalStatusIfMetered(_callSid, events) {
        events.forEach((event) => attempt(event.status));
        return true;
      },
      async reportCounters() {
        return true;
      },
    };
    return { port, delivered };
  };

  it('drops a duplicate at the inbox: one row, one delivery, metered once, both answered 2xx', async () => {
    const callSid = newSid();
    const completed = params(callSid, 'completed', { CallDuration: '61' });
    expect((await post('/telephony/status', completed)).statusCode).toBe(204);
    expect((await post('/telephony/status', completed)).statusCode).toBe(204);
    const voice = params(callSid, 'ringing');
    const answers = [await post('/telephony/incoming', voice), await post('/telephony/incoming', voice)];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    expect(answers[1]!.body).toContain('<Connect><Stream');
    expect((await rowsOf(callSid)).map((row) => row.dedupe_key)).toEqual([
      `twilio:${callSid}:status:completed`,
      `twilio:${callSid}:voice`,
    ]);

    const signalled: number[] = [];
    const temporal = createCallClient(h.client, h.target, { counterGraceMs: 200, finalizeAfterMs: 60_000 });
    const counting: CallWorkflows = {
      ...temporal,
      async signalStatus(start, events) {
        signalled.push(events.length);
        await temporal.signalStatus(start, events);
      },
    };
    await relayUntilSettled(counting, callSid);
    // Both waited in the inbox: one signal hands the call's two events over together.
    expect(signalled).toEqual([2]);
    expect(await rowsOf(callSid)).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 1, workflow_id: `call-${callSid}` }),
      expect.objectContaining({ status: 'delivered', attempts: 1, workflow_id: `call-${callSid}` }),
    ]);
    expect(await callResult(h, callSid)).toEqual({ status: 'completed', minutes: 2 });
    expect(await usageOfCall(h, callSid)).toEqual({ call_started: [1], minutes: [2] });
  });

  it('delivers the events of a call in the order they were received', async () => {
    const first = newSid();
    const second = newSid();
    for (const [callSid, status] of [
      [first, 'ringing'],
      [second, 'ringing'],
      [first, 'in-progress'],
      [second, 'completed'],
      [first, 'completed'],
    ] as const) {
      const url = status === 'ringing' ? '/telephony/incoming' : '/telephony/status';
      expect((await post(url, params(callSid, status, { CallDuration: '5' }))).statusCode).toBeLessThan(300);
    }
    const byCall = new Map<string, string[]>();
    const port: CallWorkflows = {
      async signalStatus(start, events) {
        byCall.set(start.callSid, [...(byCall.get(start.callSid) ?? []), ...events.map((event) => event.status)]);
      },
      async signalStatusIfMetered() {
        return true;
      },
      async reportCounters() {
        return true;
      },
    };
    await relayUntilSettled(port, first);
    await relayUntilSettled(port, second);
    expect(byCall.get(first)).toEqual(['ringing', 'in-progress', 'completed']);
    expect(byCall.get(second)).toEqual(['ringing', 'completed']);
  });

  it('retries a failed delivery with backoff, holding back the call’s later events, then delivers', async () => {
    const callSid = newSid();
    await post('/telephony/incoming', params(callSid, 'ringing'));
    await post('/telephony/status', params(callSid, 'completed', { CallDuration: '30' }));
    const { port, delivered } = recordingPort((status, attempt) => status === 'ringing' && attempt <= 2);
    await relayUntilSettled(port, callSid);
    expect(delivered).toEqual(['ringing', 'completed']);
    const [voice, completed] = await rowsOf(callSid);
    expect(voice).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(voice!.last_error).toContain('temporal unavailable (ringing attempt 2)');
    expect(completed).toMatchObject({ status: 'delivered', attempts: 1, last_error: null });
  });

  it('gives a permanently failing delivery up as failed after the maximum attempts, with its error', async () => {
    const callSid = newSid();
    await post('/telephony/status', params(callSid, 'completed', { CallDuration: '30' }));
    const { port, delivered } = recordingPort(() => true);
    await relayUntilSettled(port, callSid, { maxAttempts: 3 });
    expect(delivered).toEqual([]);
    expect(await rowsOf(callSid)).toEqual([
      expect.objectContaining({
        status: 'failed',
        attempts: 3,
        last_error: 'temporal unavailable (completed attempt 3)',
        workflow_id: null,
      }),
    ]);
  });

  it('delivers a refused call’s status only to a call already metered (none here: no workflow is started)', async () => {
    const callSid = newSid();
    const event = { status: 'completed', durationSeconds: 30, at: new Date().toISOString() };
    const raw = params(callSid, 'completed');
    const relay = { orm: h.orm, relayGroup: h.target.taskQueue };
    const inbound = {
      provider: 'twilio',
      dedupeKey: `twilio:${callSid}:status:completed`,
      subjectKey: `twilio:${callSid}`,
      tenantId,
      raw,
      delivery: { kind: 'signalIfMetered' as const, callSid, event },
    };
    expect(await recordInboundEvent(relay, inbound)).toBe(true);
    expect(await recordInboundEvent(relay, inbound)).toBe(false);
    await relayUntilSettled(createCallClient(h.client, h.target), callSid);
    expect(await rowsOf(callSid)).toEqual([expect.objectContaining({ status: 'delivered', workflow_id: null })]);
    await expect(h.client.workflow.getHandle(`call-${callSid}`).describe()).rejects.toThrow();
  });

  it('loses no acknowledged event when the API process is killed right after a burst of acks', async () => {
    const calls = Array.from({ length: 25 }, (_, n) => ({ callSid: newSid(), seconds: 30 + n * 7 }));
    // As in production the acknowledging API relays nothing itself, so every acknowledged event is still pending
    // when it dies, and only the relay that comes up afterwards can deliver it.
    const first = await startApiProcess(h.target.taskQueue, { relay: false });
    const send = (url: string, body: Record<string, string>) =>
      fetch(`${first.url}${url}`, {
        method: 'POST',
        headers: signedTwilioHeaders(url, body),
        body: new URLSearchParams(body).toString(),
      }).then((response) => response.status);
    const acks = await Promise.all(
      calls.flatMap(({ callSid, seconds }) => [
        send('/telephony/incoming', params(callSid, 'ringing')),
        send('/telephony/status', params(callSid, 'completed', { CallDuration: String(seconds) })),
      ]),
    );
    await kill(first.child);
    expect(acks.every((status) => status === 200 || status === 204)).toBe(true);
    const pendingAtKill = (await Promise.all(calls.map(({ callSid }) => rowsOf(callSid))))
      .flat()
      .filter((row) => row.status === 'pending').length;
    expect(pendingAtKill).toBe(calls.length * 2);

    const second = await startApiProcess(h.target.taskQueue);
    try {
      for (const { callSid, seconds } of calls) {
        const minutes = Math.ceil(seconds / 60);
        expect(await callResult(h, callSid)).toEqual({ status: 'completed', minutes });
        expect(await usageOfCall(h, callSid)).toEqual({ call_started: [1], minutes: [minutes] });
      }
      const rows = (await Promise.all(calls.map(({ callSid }) => rowsOf(callSid)))).flat();
      expect(rows).toHaveLength(acks.length);
      expect(rows.every((row) => row.status === 'delivered')).toBe(true);
    } finally {
      await kill(second.child);
    }
  }, 120_000);
});
