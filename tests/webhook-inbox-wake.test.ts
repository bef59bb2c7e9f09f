import { randomUUID } from 'node:crypto';
import { WebhookEvent } from '../db/entities';
import { listenForNotifications } from '../db/notifications';
import { inScope } from '../db/scope';
import type { CallWorkflows } from '../domain/telephony/call-port';
import { recordInboundEvent } from '../domain/webhook-inbox/record-inbound-event';
import { startInboxRelay, type InboxRelay } from '../domain/webhook-inbox/relay-loop';
import { makeTenant } from './support/factories';
import { eventually } from './support/eventually';
import { createHarness, testDatabaseUrl, type Harness } from './support/harness';

/**
 * The relay runs in the worker process, not in the API that writes the inbox (decision 008): an inbox write
 * wakes it through Postgres NOTIFY. Its poll interval here is ten minutes, so only the notification can explain a
 * delivery within seconds.
 */
describe('webhook inbox wake-up across processes', () => {
  let h: Harness;
  let tenantId: string;
  let relay: InboxRelay;
  const delivered: string[] = [];

  const calls: CallWorkflows = {
    async signalStatus(start) {
      delivered.push(start.callSid);
    },
    async signalStatusIfMetered() {
      return false;
    },
    async reportCounters() {
      return false;
    },
  };

  const write = (callSid: string) =>
    recordInboundEvent(
      { orm: h.orm, relayGroup: h.target.taskQueue },
      {
        provider: 'twilio',
        dedupeKey: `twilio:${callSid}:voice`,
        subjectKey: `twilio:${callSid}`,
        tenantId,
        raw: { CallSid: callSid },
        delivery: {
          kind: 'signal',
          start: {
            callSid,
            tenantId,
            botId: randomUUID(),
            from: '+431',
            to: '+432',
            startedAt: new Date().toISOString(),
          },
          event: { status: 'ringing', durationSeconds: null, at: new Date().toISOString() },
        },
      },
    );

  beforeAll(async () => {
    h = await createHarness({ relay: false });
    tenantId = (await makeTenant(h.orm)).id;
    relay = startInboxRelay(
      { orm: h.orm, calls, relayGroup: h.target.taskQueue, listenUrl: testDatabaseUrl() },
      { pollMs: 10 * 60_000 },
    );
    await relay.ready;
  });
  afterAll(async () => {
    await relay.stop();
    await h.close();
  });

  it('delivers a row written by another connection at once, though its next poll is minutes away', async () => {
    // Let the round the relay runs at start find nothing, so it is waiting on its poll.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const callSid = `CA${randomUUID().replace(/-/g, '')}`;
    expect(await write(callSid)).toBe(true);
    await eventually(
      () => delivered,
      (sids) => sids.includes(callSid),
      { timeoutMs: 20_000, intervalMs: 50 },
    );
    const row = await inScope(h.orm, { system: 'test' }, (em) =>
      em.findOneOrFail(WebhookEvent, { dedupeKey: `twilio:${callSid}:voice` }),
    );
    expect(row.status).toBe('delivered');
  });

  it('notifies with its relay group, and a dropped duplicate notifies nobody', async () => {
    const woken: string[] = [];
    const subscription = await listenForNotifications(testDatabaseUrl(), 'webhook_inbox', (group) => woken.push(group));
    try {
      const callSid = `CA${randomUUID().replace(/-/g, '')}`;
      await write(callSid);
      await eventually(
        () => woken,
        (groups) => groups.includes(h.target.taskQueue),
        { timeoutMs: 20_000, intervalMs: 50 },
      );
      // A duplicate is not written, so it notifies nobody. Other suites share the channel with their own groups.
      const ours = () => woken.filter((group) => group === h.target.taskQueue).length;
      const before = ours();
      expect(await write(callSid)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ours()).toBe(before);
    } finally {
      await subscription.close();
    }
  });

  it('listens again after its connection is killed', async () => {
    const heard: string[] = [];
    const subscription = await listenForNotifications(
      testDatabaseUrl(),
      'inbox_wake_test',
      (payload) => heard.push(payload),
      { retryMs: 100 },
    );
    const notify = (payload: string) =>
      inScope(h.orm, { system: 'test' }, (em) => em.execute(`select pg_notify('inbox_wake_test', ?)`, [payload]));
    try {
      await notify('before');
      await eventually(
        () => heard,
        (payloads) => payloads.includes('before'),
        { timeoutMs: 20_000, intervalMs: 50 },
      );
      const killed = await inScope(h.orm, { system: 'test' }, (em) =>
        em.execute<{ pg_terminate_backend: boolean }[]>(
          `select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen inbox_wake_test'`,
        ),
      );
      expect(killed.map((row) => row.pg_terminate_backend)).toEqual([true]);
      // Notifications sent while it reconnects are lost (the relay's poll covers those); later ones arrive.
      await eventually(
        async () => {
          await notify('after');
          return heard;
        },
        (payloads) => payloads.includes('after'),
        { timeoutMs: 10_000, intervalMs: 50 },
      );
    } finally {
      await subscription.close();
    }
  });
});
