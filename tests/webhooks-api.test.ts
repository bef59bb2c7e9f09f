import type { WebhookEventView as EventView } from '../contracts/webhooks';
import { inScope } from '../db/scope';
import type { RunningSimulator } from '../sim/start-simulator';
import type { makeWorld } from './support/factories';
import { eventually } from './support/eventually';
import { createHarness, type Harness } from './support/harness';
import { startTestSimulator } from './support/test-simulator';
import { postSignedTwilio, worldWithReadyBot } from './metering/metering-support';

const CALLER = '+4369912345678';

/** The admin Webhooks page's API: every inbound event for platform staff, and replay for platform admins. */
describe('webhooks API', () => {
  let sim: RunningSimulator;
  let h: Harness;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let phoneNumber: string;
  let sidCounter = 0;

  beforeAll(async () => {
    sim = await startTestSimulator();
    h = await createHarness({ worker: true, simulatorUrl: sim.url });
    ({ world, phoneNumber } = await worldWithReadyBot(h));
  }, 120_000);
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  const newSid = () => `CA${Date.now().toString(16).padStart(16, '0')}${(sidCounter++).toString(16).padStart(16, '0')}`;
  const ring = async (callSid: string) => {
    const body = { CallSid: callSid, To: phoneNumber, From: CALLER, CallStatus: 'ringing' };
    expect((await postSignedTwilio(h, '/telephony/incoming', body)).statusCode).toBe(200);
  };
  const list = async (query = '') => {
    const response = await h.app.inject({
      url: `/api/webhooks?tenantId=${world.tenant.id}${query}`,
      headers: world.headers.platform_admin,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: EventView[]; total: number; page: number; pageSize: number }>();
  };
  const eventOf = async (callSid: string) =>
    (await list()).items.find((event) => event.subjectKey === `twilio:${callSid}`);
  /** The call's voice event once the relay has delivered it. */
  const deliveredEvent = (callSid: string, what: string) =>
    eventually(
      () => eventOf(callSid),
      (found) => found?.status === 'delivered',
      { what },
    );

  it('lists signed Twilio webhooks newest first with their delivery, a Temporal link and no payload', async () => {
    const first = newSid();
    const second = newSid();
    await ring(first);
    await ring(second);
    const delivered = await eventually(
      () => list(),
      (page) =>
        [first, second].every((sid) =>
          page.items.some((event) => event.subjectKey === `twilio:${sid}` && event.status === 'delivered'),
        ),
      { what: 'both events delivered' },
    );
    const subjects = delivered.items.map((event) => event.subjectKey);
    expect(subjects.indexOf(`twilio:${second}`)).toBeLessThan(subjects.indexOf(`twilio:${first}`));
    const event = delivered.items.find((item) => item.subjectKey === `twilio:${first}`)!;
    expect(event).toEqual(
      expect.objectContaining({
        provider: 'twilio',
        tenantId: world.tenant.id,
        dedupeKey: `twilio:${first}:voice`,
        status: 'delivered',
        attempts: 1,
        lastError: null,
        workflowId: `call-${first}`,
      }),
    );
    expect(event.latencyMs).toEqual(expect.any(Number));
    expect(event.latencyMs).toBeGreaterThanOrEqual(0);
    expect(event.workflowUrl).toContain(`call-${first}`);
    expect(event.deliveredAt).not.toBeNull();
    expect(event).not.toHaveProperty('payload');
    expect(JSON.stringify(delivered)).not.toContain(CALLER);
    expect(JSON.stringify(delivered)).not.toContain(phoneNumber);

    // Filters and pagination.
    const pending = await list('&status=pending');
    expect(pending.items.every((item) => item.status === 'pending')).toBe(true);
    expect((await list('&provider=stripe')).items).toEqual([]);
    const firstPage = await list('&pageSize=1');
    expect(firstPage).toEqual(expect.objectContaining({ page: 1, pageSize: 1 }));
    expect(firstPage.items).toHaveLength(1);
    expect(firstPage.total).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('lets support list but not replay; customers get 403 and anonymous callers 401', async () => {
    const callSid = newSid();
    await ring(callSid);
    const event = await deliveredEvent(callSid, 'delivery');
    const replay = { method: 'POST' as const, url: `/api/webhooks/${event!.id}/replay` };

    expect((await h.app.inject({ url: '/api/webhooks', headers: world.headers.support })).statusCode).toBe(200);
    expect((await h.app.inject({ ...replay, headers: world.headers.support })).statusCode).toBe(403);
    for (const role of ['customer_admin', 'customer_user'] as const) {
      const listed = await h.app.inject({
        url: `/api/webhooks?tenantId=${world.tenant.id}`,
        headers: world.headers[role],
      });
      expect(listed.statusCode).toBe(403);
      expect((await h.app.inject({ ...replay, headers: world.headers[role] })).statusCode).toBe(403);
    }
    expect((await h.app.inject({ url: '/api/webhooks' })).statusCode).toBe(401);
    expect((await h.app.inject(replay)).statusCode).toBe(401);
    expect((await eventOf(callSid))?.attempts).toBe(1);
  }, 60_000);

  it('answers 404 for an unknown event and 400 for a malformed id or filter', async () => {
    const headers = world.headers.platform_admin;
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/webhooks/00000000-0000-4000-8000-000000000000/replay',
      headers,
    });
    expect(unknown.statusCode).toBe(404);
    expect((await h.app.inject({ method: 'POST', url: '/api/webhooks/nope/replay', headers })).statusCode).toBe(400);
    expect((await h.app.inject({ url: '/api/webhooks?status=lost', headers })).statusCode).toBe(400);
  });

  it('replays a failed event: back to pending, delivered again by the relay, and audited', async () => {
    const callSid = newSid();
    await ring(callSid);
    const event = await deliveredEvent(callSid, 'delivery');
    await inScope(h.orm, { system: 'test' }, (em) =>
      em.execute(
        `update webhook_events set status = 'failed', attempts = 10, delivered_at = null,
                last_error = 'temporal unavailable' where id = ?`,
        [event!.id],
      ),
    );
    expect(await eventOf(callSid)).toEqual(
      expect.objectContaining({ status: 'failed', attempts: 10, lastError: 'temporal unavailable', latencyMs: null }),
    );

    const replayed = await h.app.inject({
      method: 'POST',
      url: `/api/webhooks/${event!.id}/replay`,
      headers: world.headers.platform_admin,
    });
    expect(replayed.statusCode).toBe(200);
    expect(replayed.json()).toEqual(expect.objectContaining({ id: event!.id, status: 'pending', attempts: 0 }));

    const redelivered = await deliveredEvent(callSid, 'redelivery');
    expect(redelivered).toEqual(
      expect.objectContaining({ status: 'delivered', attempts: 1, workflowId: `call-${callSid}` }),
    );

    const audit = await inScope(h.orm, { system: 'test' }, (em) =>
      em.execute<{ actor_user_id: string; actor_role: string; tenant_id: string; details: Record<string, unknown> }[]>(
        `select actor_user_id, actor_role, tenant_id, details from audit_log
          where action = 'webhook_event.replay' and target_id = ?`,
        [event!.id],
      ),
    );
    expect(audit).toEqual([
      expect.objectContaining({
        actor_user_id: world.users.platform_admin.id,
        actor_role: 'platform_admin',
        tenant_id: world.tenant.id,
        details: expect.objectContaining({ previous: expect.objectContaining({ status: 'failed', attempts: 10 }) }),
      }),
    ]);
  }, 60_000);
});
