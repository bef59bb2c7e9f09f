import { ScheduleNotFoundError } from '@temporalio/client';
import type Stripe from 'stripe';
import type { OffboardingRunView } from '../../contracts/offboarding';
import { inScope } from '../../db/scope';
import { linkStripeCustomer } from '../../domain/billing/link-stripe-customer';
import { audioKeyFor } from '../../domain/conversations/audio-store';
import { syncScheduleId } from '../../domain/conversations/sync-port';
import { elevenLabsSimControl } from '../../sim/elevenlabs/elevenlabs-control';
import { simControl } from '../../sim/sim-control';
import { createConversationSyncClient } from '../../temporal/conversation-sync-client';
import { makeCall } from '../monitoring/call-log-fixtures';
import { simResourcesOf } from '../provisioning/provisioning-support';
import { createBotVia, finishedJob } from '../provisioning/provisioning-support';
import { eventually } from '../support/eventually';
import { bearerFor, makeMonitoredAgent, makeTenant, makeUser, subscribeTenant } from '../support/factories';
import type { Harness } from '../support/harness';

export type Headers = { authorization: string };

const PRO_PRICE = 'price_voiceplane_pro_monthly';

/**
 * A tenant with everything offboarding has to undo: two ready bots (a Heroku app and a Twilio number each in the
 * simulator), a Stripe customer (its billing account) with a subscription, an ElevenLabs integration with its agent
 * and a running sync schedule, a call whose recording is in the harness's store plus one recording no call names
 * (stored, then a crash before its key was), and a customer admin who is signed in.
 */
export async function populatedTenant(h: Harness, simUrl: string, stripe: Stripe, platform: Headers) {
  const tenant = await makeTenant(h.orm);
  const member = await makeUser(h.orm, 'customer_admin', tenant.id);
  const memberHeaders = await bearerFor(h.app, member);
  const bots: { id: string }[] = [];
  for (const name of ['Reception', 'After hours']) {
    const { bot } = await createBotVia(h, platform, tenant.id, name);
    const job = await finishedJob(h, platform, bot.id, 60_000);
    if (job.status !== 'done') throw new Error(`bot ${name} did not provision: ${JSON.stringify(job)}`);
    bots.push(bot);
  }
  const customer = await stripe.customers.create({ email: tenant.contactEmail, name: tenant.name });
  const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: PRO_PRICE }] });
  await subscribeTenant(h.orm, tenant.id, 'pro', { stripeSubscriptionId: subscription.id });
  await inScope(h.orm, { system: 'test' }, async (em) => {
    await linkStripeCustomer(em, {
      tenantId: tenant.id,
      customerId: customer.id,
      email: tenant.contactEmail,
      currency: 'EUR',
    });
  });
  const conversationId = `conv_offboarding_${tenant.id}`;
  const recordings = [audioKeyFor(tenant.id, conversationId), audioKeyFor(tenant.id, 'conv_never_named')];
  for (const key of recordings) await audioOf(h).put(key, Buffer.from(`ID3 recording ${key}`));
  await makeCall(h.orm, tenant.id, { startedAt: new Date(), conversationId, audioKey: recordings[0]! });

  const elevenlabs = elevenLabsSimControl(simUrl);
  const account = await elevenlabs.createAccount({ name: tenant.name });
  const agent = await elevenlabs.createAgent(account.accountId, { name: 'Front desk' });
  await makeMonitoredAgent(h.orm, {
    tenantId: tenant.id,
    apiKey: account.apiKey,
    externalAgentId: agent.agentId,
    agentName: agent.name,
  });
  await createConversationSyncClient(h.client, h.target, { everyMs: 60 * 60_000 }).follow({
    tenantId: tenant.id,
    active: true,
  });
  return { tenant, member, memberHeaders, bots, customerId: customer.id, subscriptionId: subscription.id, recordings };
}
export type PopulatedTenant = Awaited<ReturnType<typeof populatedTenant>>;

/** The recordings store the harness's API and worker share (the suite's harness is made with ElevenLabs). */
function audioOf(h: Harness) {
  if (!h.audio) throw new Error('the offboarding suite needs a harness with a recordings store (elevenLabsUrl)');
  return h.audio;
}

/** Rows of the tenant in every table that has a `tenant_id` column, by table (tables without any left out). */
export async function tenantRowCounts(h: Harness, tenantId: string): Promise<Record<string, number>> {
  return inScope(h.orm, { system: 'test' }, async (em) => {
    const tables = await em.execute<{ name: string }[]>(
      `select c.table_name as name
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await em.execute<{ n: string }[]>(`select count(*) as n from "${name}" where tenant_id = ?`, [
        tenantId,
      ]);
      if (Number(row!.n) > 0) counts[name] = Number(row!.n);
    }
    const [tenantRow] = await em.execute<{ n: string }[]>(`select count(*) as n from tenants where id = ?`, [tenantId]);
    if (Number(tenantRow!.n) > 0) counts.tenants = Number(tenantRow!.n);
    return counts;
  });
}

/** What the simulators and Temporal still hold for the tenant. */
export async function providerState(h: Harness, simUrl: string, stripe: Stripe, world: PopulatedTenant) {
  const state = await simControl(simUrl).state();
  const held = world.bots.map((bot) => simResourcesOf(state, bot));
  let schedule = true;
  try {
    await h.client.schedule.getHandle(syncScheduleId(world.tenant.id)).describe();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
    schedule = false;
  }
  return {
    apps: held.reduce((sum, bot) => sum + bot.apps.length, 0),
    numbers: held.reduce((sum, bot) => sum + bot.numbers.length, 0),
    subscription: (await stripe.subscriptions.retrieve(world.subscriptionId)).status,
    customer: (await stripe.customers.retrieve(world.customerId)).deleted ? 'deleted' : 'kept',
    schedule,
    recordings: (await Promise.all(world.recordings.map((key) => audioOf(h).size(key)))).filter((size) => size !== null)
      .length,
  };
}

export async function offboardingOf(h: Harness, headers: Headers, tenantId: string) {
  const response = await h.app.inject({ url: `/api/tenants/${tenantId}/offboarding`, headers });
  return { status: response.statusCode, run: response.json<OffboardingRunView>() };
}

/** Polls the run until it ended (done or error). */
export const finishedRun = (h: Harness, headers: Headers, tenantId: string, timeoutMs = 120_000) =>
  eventually(
    () => offboardingOf(h, headers, tenantId),
    ({ run }) => run.status === 'done' || run.status === 'error',
    { timeoutMs, intervalMs: 250, what: `the offboarding of ${tenantId} to end` },
  ).then(({ run }) => run);
