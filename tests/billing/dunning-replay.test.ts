import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { Subscription } from '../../db/entities';
import { inScope } from '../../db/scope';
import { dunningWorkflowId } from '../../domain/billing/dunning-port';
import { createDunningClient } from '../../temporal/dunning-client';
import { platformWorkflows } from '../support/workflow-bundle';
import { eventually } from '../support/eventually';
import { makeTenant, makeUser, subscribeTenant } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';

/** Re-record with RECORD_HISTORIES=1 only for an intended, versioned change of the workflow. */
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'dunning.history.bin');
const SCHEDULE = { reminderOffsetsMs: [0, 1_000], graceMs: 2_000, statusCheckMs: 200 };

describe('dunning workflow determinism', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ worker: true, dunning: SCHEDULE });
  });
  afterAll(() => h.close());

  it('replays a run through reminders, suspension and payment', async () => {
    const tenant = await makeTenant(h.orm);
    await makeUser(h.orm, 'customer_admin', tenant.id);
    await subscribeTenant(h.orm, tenant.id, 'pro', { status: 'past_due', pastDueSince: new Date() });
    const dunning = createDunningClient(h.client, h.target, SCHEDULE);

    await dunning.paymentFailed({ tenantId: tenant.id, stripeEventId: 'evt_replay_failed' });
    await eventually(
      () => dunning.progress(tenant.id),
      (progress) => progress?.step === 'suspended',
    );
    await inScope(h.orm, { system: 'test' }, (em) =>
      em.nativeUpdate(
        Subscription,
        { tenantId: tenant.id, status: 'past_due' },
        { status: 'active', pastDueSince: null },
      ),
    );
    expect(await dunning.paymentReceived({ tenantId: tenant.id, stripeEventId: 'evt_replay_paid' })).toBe(true);
    const handle = h.client.workflow.getHandle(dunningWorkflowId(tenant.id));
    expect(await handle.result()).toBe('paid');

    const history = await handle.fetchHistory();
    if (process.env.RECORD_HISTORIES) writeFileSync(FIXTURE, temporal.api.history.v1.History.encode(history).finish());
    await expect(Worker.runReplayHistory(platformWorkflows(), history, handle.workflowId)).resolves.toBeUndefined();
  });

  it('replays a dunning history recorded with an earlier build', async () => {
    expect(existsSync(FIXTURE)).toBe(true);
    const history = temporal.api.history.v1.History.decode(readFileSync(FIXTURE));
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
  });
});
