import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { createStripeBillingProvider } from '../../activities/adapters/stripe-billing';
import { BillingAccount } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { RunningSimulator } from '../../sim/start-simulator';
import { platformWorkflows } from '../support/workflow-bundle';
import { invoiceTenant, invoiceWorkflowId } from '../../workflows/invoice-tenant';
import { monthlyInvoicing } from '../../workflows/monthly-invoicing';
import { makeTenant, subscribeTenant } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { startTestSimulator } from '../support/test-simulator';

/** Re-record with RECORD_HISTORIES=1 only for an intended, versioned change of a workflow. */
const FIXTURES = {
  invoiceTenant: path.join(__dirname, '..', 'fixtures', 'invoice-tenant.history.bin'),
  monthlyInvoicing: path.join(__dirname, '..', 'fixtures', 'monthly-invoicing.history.bin'),
};

describe('invoicing workflows determinism', () => {
  let sim: RunningSimulator;
  let h: Harness;

  beforeAll(async () => {
    sim = await startTestSimulator();
    h = await createHarness({ worker: true, simulatorUrl: sim.url });
  });
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  it('replays a tenant run and a period run', async () => {
    const tenant = await makeTenant(h.orm);
    const stripe = createStripeBillingProvider({ simulatorUrl: sim.url });
    const customer = await stripe.createCustomer({
      idempotencyKey: `customer-${tenant.id}`,
      email: 'replay@example.test',
      name: tenant.name,
      tenantId: tenant.id,
    });
    const subscription = await subscribeTenant(h.orm, tenant.id, 'pro');
    await inScope(h.orm, { system: 'test' }, async (em) => {
      // The period run bills every tenant subscribed by its end: July 2020 reaches neither the browser suite's tenants
      // (August 2020) nor the invoicing and dunning suites' (December 2020, July 2021), whose Stripe customers it
      // would otherwise replace with its own simulator's.
      await em.execute(`update subscriptions set created_at = '2020-05-01' where id = ?`, [subscription.id]);
      em.create(BillingAccount, {
        tenantId: tenant.id,
        stripeCustomerId: customer.id,
        email: 'r@example.test',
        currency: 'EUR',
      });
      await em.flush();
    });

    const tenantRun = await h.client.workflow.start(invoiceTenant, {
      taskQueue: h.target.taskQueue,
      workflowId: invoiceWorkflowId(tenant.id, '2020-06'),
      args: [{ tenantId: tenant.id, period: '2020-06', graceMs: 0 }],
    });
    const periodRun = await h.client.workflow.start(monthlyInvoicing, {
      taskQueue: h.target.taskQueue,
      workflowId: `invoice-run-replay-${tenant.id}`,
      args: [{ period: '2020-07', graceMs: 0, concurrency: 2 }],
    });
    for (const [name, handle] of [
      ['invoiceTenant', tenantRun],
      ['monthlyInvoicing', periodRun],
    ] as const) {
      await handle.result();
      const history = await handle.fetchHistory();
      if (process.env.RECORD_HISTORIES) {
        writeFileSync(FIXTURES[name], temporal.api.history.v1.History.encode(history).finish());
      }
      await expect(Worker.runReplayHistory(platformWorkflows(), history, handle.workflowId)).resolves.toBeUndefined();
    }
  });

  it.each(Object.entries(FIXTURES))('replays a %s history recorded with an earlier build', async (_name, file) => {
    expect(existsSync(file)).toBe(true);
    const history = temporal.api.history.v1.History.decode(readFileSync(file));
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
  });
});
