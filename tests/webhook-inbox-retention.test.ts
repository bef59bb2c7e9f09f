import { randomUUID } from 'node:crypto';
import { WebhookEvent } from '../db/entities';
import { inScope } from '../db/scope';
import type { CallWorkflows } from '../domain/telephony/call-port';
import { pruneDeliveredEvents } from '../domain/webhook-inbox/prune-delivered-events';
import { startInboxRelay } from '../domain/webhook-inbox/relay-loop';
import { makeTenant } from './support/factories';
import { createHarness, type Harness } from './support/harness';

const DAY = 24 * 60 * 60 * 1000;

/** Delivered inbox rows are history with a retention; failed and pending ones are work and stay. */
describe('webhook inbox retention', () => {
  let h: Harness;
  let tenantId: string;

  beforeAll(async () => {
    h = await createHarness({ relay: false });
    tenantId = (await makeTenant(h.orm)).id;
  });
  afterAll(() => h.close());

  /** One inbox row of this harness's relay group, `ageDays` old, in the given state. */
  async function row(status: 'pending' | 'delivered' | 'failed', ageDays: number, relayGroup = h.target.taskQueue) {
    const id = randomUUID();
    const at = new Date(Date.now() - ageDays * DAY);
    await inScope(h.orm, { system: 'test' }, (em) =>
      em.execute(
        `insert into webhook_events (id, provider, dedupe_key, subject_key, relay_group, tenant_id, payload_sha256,
                                     payload, status, received_at, delivered_at)
         values (?, 'twilio', ?, ?, ?, ?, 'x', '{}'::jsonb, ?, ?, ?)`,
        [id, `retention-${id}`, `twilio:${id}`, relayGroup, tenantId, status, at, status === 'delivered' ? at : null],
      ),
    );
    return id;
  }

  const remaining = (ids: string[]) =>
    inScope(h.orm, { system: 'test' }, async (em) =>
      (await em.find(WebhookEvent, { id: { $in: ids } }, { fields: ['id'] })).map((event) => event.id),
    );

  it('deletes only delivered rows past retention, of its own relay group, in batches', async () => {
    const oldDelivered = [await row('delivered', 40), await row('delivered', 35), await row('delivered', 31)];
    const kept = [
      await row('delivered', 2),
      await row('failed', 60),
      await row('pending', 60),
      await row('delivered', 60, `other-${randomUUID()}`),
    ];
    const deps = { orm: h.orm, relayGroup: h.target.taskQueue };
    const olderThan = new Date(Date.now() - 30 * DAY);

    expect(await pruneDeliveredEvents(deps, { olderThan, limit: 2 })).toBe(2);
    expect(await pruneDeliveredEvents(deps, { olderThan, limit: 2 })).toBe(1);
    expect(await pruneDeliveredEvents(deps, { olderThan, limit: 2 })).toBe(0);
    expect(await remaining([...oldDelivered, ...kept])).toEqual(expect.arrayContaining(kept));
    expect(await remaining(oldDelivered)).toEqual([]);
  });

  it('is run by the relay when it starts, with the retention it is given', async () => {
    const old = await row('delivered', 10);
    const recent = await row('delivered', 1);
    const calls = {} as CallWorkflows; // no pending rows of this group: the relay never delivers
    const relay = startInboxRelay({ orm: h.orm, calls, relayGroup: h.target.taskQueue }, { retentionMs: 7 * DAY });
    try {
      for (let i = 0; i < 50 && (await remaining([old])).length > 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await relay.stop();
    }
    expect(await remaining([old, recent])).toEqual([recent]);
  });
});
