import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { createStripeBillingProvider } from '../activities/adapters/stripe-billing';
import { createTwilioNumbers } from '../activities/adapters/twilio-numbers';
import type { IntegrationHealth } from '../contracts/integration-health';
import { AuditLog, BillingAccount, Bot, EmailOutbox, Integration } from '../db/entities';
import { inScope } from '../db/scope';
import { simControl } from '../sim/sim-control';
import { elevenLabsSimControl } from '../sim/elevenlabs/elevenlabs-control';
import { startScriptedSmtp } from './support/scripted-smtp';
import { bearerFor, makeMonitoredAgent, makeTenant, makeUser, subscribeTenant } from './support/factories';
import { createHarness, type Harness } from './support/harness';
import { startTestSimulator } from './support/test-simulator';

type Headers = { authorization: string };
const CHECK_TIMEOUT_MS = 1_500;

/**
 * `GET /api/integrations/health` against the simulators and a stand-in SMTP server: each integration's
 * configured / reachable / last_sync / error, never a secret, only for the tenant one may read.
 */
describe('integration health', () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let smtp: Awaited<ReturnType<typeof startScriptedSmtp>>;
  let h: Harness;
  let staff: Headers;
  const logLines: string[] = [];
  const bodies: string[] = [];

  beforeAll(async () => {
    sim = await startTestSimulator();
    smtp = await startScriptedSmtp();
    h = await createHarness({
      simulatorUrl: sim.url,
      elevenLabsUrl: `${sim.url}/elevenlabs`,
      smtpUrl: smtp.url,
      integrationCheckTimeoutMs: CHECK_TIMEOUT_MS,
      logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } },
    });
    staff = await bearerFor(h.app, await makeUser(h.orm, 'platform_admin', null));
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.stop();
    await sim?.stop();
  });
  afterEach(async () => {
    smtp.greet('ok');
    await simControl(sim.url).clearFaults();
  });

  const call = async (headers: Headers, options: Omit<InjectOptions, 'headers'>) => {
    const response = await h.app.inject({ ...options, headers });
    bodies.push(response.body);
    return response;
  };
  const health = async (headers: Headers, tenantId?: string) => {
    const response = await call(headers, { url: `/api/integrations/health${tenantId ? `?tenantId=${tenantId}` : ''}` });
    expect(response.statusCode).toBe(200);
    const byName = Object.fromEntries(
      response.json<{ integrations: IntegrationHealth[] }>().integrations.map((entry) => [entry.name, entry]),
    );
    return byName as Record<IntegrationHealth['name'], IntegrationHealth>;
  };
  const customer = async () => {
    const tenant = await makeTenant(h.orm);
    const admin = await bearerFor(h.app, await makeUser(h.orm, 'customer_admin', tenant.id));
    const user = await bearerFor(h.app, await makeUser(h.orm, 'customer_user', tenant.id));
    return { tenant, admin, user };
  };

  /** A billing customer on the Stripe simulator, recorded as onboarding records it. */
  const withStripeCustomer = async (tenantId: string) => {
    const stripe = createStripeBillingProvider({ simulatorUrl: sim.url, timeoutMs: 30_000 });
    const email = `billing-${tenantId}@example.test`;
    const { id } = await stripe.createCustomer({ idempotencyKey: `health-${tenantId}`, tenantId, email, name: 'T' });
    await inScope(h.orm, { tenantId }, async (em) => {
      em.create(BillingAccount, { tenantId, stripeCustomerId: id, email, currency: 'EUR' });
      await em.flush();
    });
    return { customerId: id, remove: () => stripe.deleteCustomer(id) };
  };
  /** A ready bot holding a number bought on the Twilio simulator. */
  const withNumber = async (tenantId: string) => {
    const twilio = createTwilioNumbers({ simulatorUrl: sim.url, timeoutMs: 30_000 });
    const [phoneNumber] = await twilio.searchAvailableLocal('US', { limit: 1 });
    const bought = await twilio.buyNumber({
      phoneNumber: phoneNumber!,
      friendlyName: `vp-health-${tenantId}`,
      voiceUrl: 'http://localhost:3000/telephony/incoming',
      statusCallback: 'http://localhost:3000/telephony/status',
    });
    await inScope(h.orm, { tenantId }, async (em) => {
      em.create(Bot, {
        tenantId,
        name: 'Front desk',
        status: 'ready',
        locale: 'de-AT',
        voice: 'alloy',
        greeting: 'Hallo',
        twilioNumber: bought.phoneNumber,
        twilioNumberSid: bought.sid,
      });
      await em.flush();
    });
    return { ...bought, release: () => twilio.releaseNumber(bought.sid) };
  };
  /** The tenant's own ElevenLabs key for a fresh simulator workspace, synced at `lastSyncedAt`. */
  const withElevenLabsKey = async (tenantId: string, lastSyncedAt: Date) => {
    const { apiKey } = await elevenLabsSimControl(sim.url).createAccount();
    const { integrationId } = await makeMonitoredAgent(h.orm, {
      tenantId,
      apiKey,
      externalAgentId: `agent_${randomUUID()}`,
      agentName: 'Front desk',
    });
    await inScope(h.orm, { tenantId }, (em) => em.nativeUpdate(Integration, { id: integrationId }, { lastSyncedAt }));
    return apiKey;
  };
  const withSentMail = (tenantId: string, sentAt: Date) =>
    inScope(h.orm, { tenantId }, async (em) => {
      em.create(EmailOutbox, {
        tenantId,
        idempotencyKey: `health-${randomUUID()}`,
        toAddress: 'someone@example.test',
        subject: 'Hello',
        bodyText: 'Hello',
        status: 'sent',
        sentAt,
      });
      await em.flush();
    });

  it('shows a new tenant’s own integrations as not configured and the platform’s mail server as reachable', async () => {
    const { user } = await customer();
    const report = await health(user);
    for (const name of ['elevenlabs', 'twilio', 'stripe'] as const) {
      expect(report[name]).toEqual({
        name,
        configured: false,
        reachable: false,
        last_sync: null,
        error: null,
        status: null,
      });
    }
    expect(report.smtp).toEqual({
      name: 'smtp',
      configured: true,
      reachable: true,
      last_sync: null,
      error: null,
      status: '"VoicePlane" <no-reply@voiceplane.local>',
    });
  });

  it('shows configured integrations as reachable against the simulators, with their last sync and status', async () => {
    const { tenant, admin } = await customer();
    const synced = new Date(Date.now() - 60_000);
    await withElevenLabsKey(tenant.id, synced);
    const number = await withNumber(tenant.id);
    await withStripeCustomer(tenant.id);
    await subscribeTenant(h.orm, tenant.id, 'starter');
    await withSentMail(tenant.id, synced);
    const saved = await call(admin, {
      method: 'PUT',
      url: '/api/integrations/mail-sender',
      payload: { fromName: ' Studio Nord ', fromAddress: 'hello@studio-nord.example' },
    });
    expect(saved.statusCode).toBe(200);

    const report = await health(admin);
    expect(report.elevenlabs).toEqual({
      name: 'elevenlabs',
      configured: true,
      reachable: true,
      last_sync: synced.toISOString(),
      error: null,
      status: 'active',
    });
    expect(report.twilio).toEqual({
      name: 'twilio',
      configured: true,
      reachable: true,
      last_sync: null,
      error: null,
      status: number.phoneNumber,
    });
    expect(report.stripe).toEqual({
      name: 'stripe',
      configured: true,
      reachable: true,
      last_sync: null,
      error: null,
      status: 'active',
    });
    expect(report.smtp).toMatchObject({
      configured: true,
      reachable: true,
      last_sync: synced.toISOString(),
      status: '"Studio Nord" <hello@studio-nord.example>',
    });
  });

  it('shows configured integrations the providers refuse as unreachable, saying why and naming no secret', async () => {
    const { tenant, admin } = await customer();
    const apiKey = await withElevenLabsKey(tenant.id, new Date());
    const number = await withNumber(tenant.id);
    const customerAccount = await withStripeCustomer(tenant.id);
    await elevenLabsSimControl(sim.url).revokeKey(apiKey);
    await number.release();
    await customerAccount.remove();
    smtp.greet('refuse');

    const report = await health(admin);
    expect(report.elevenlabs).toMatchObject({
      configured: true,
      reachable: false,
      status: 'active',
      error: expect.stringMatching(/^ElevenLabs refused the key \(invalid or revoked\)/),
    });
    expect(report.twilio).toMatchObject({
      configured: true,
      reachable: false,
      error: 'Twilio no longer has this number on the platform’s account',
    });
    expect(report.stripe).toMatchObject({
      configured: true,
      reachable: false,
      error: 'Stripe has no such customer on the platform’s account',
    });
    expect(report.smtp).toMatchObject({ configured: true, reachable: false, error: expect.stringMatching(/^SMTP: /) });
    const everything = [...bodies, ...logLines].join('\n');
    expect(everything).not.toContain(apiKey);
    expect(everything).not.toContain(customerAccount.customerId);
  });

  it('answers within the time limit when a provider does not answer, and says so', async () => {
    const { tenant, admin } = await customer();
    await withStripeCustomer(tenant.id);
    await withNumber(tenant.id);
    await simControl(sim.url).fault({ operation: 'stripe.getCustomer', mode: 'hang', times: 0 });
    await simControl(sim.url).fault({ operation: 'twilio.fetchNumber', mode: 'fail', status: 503, times: 0 });

    const started = Date.now();
    const report = await health(admin);
    expect(Date.now() - started).toBeLessThan(CHECK_TIMEOUT_MS + 1_500);
    expect(report.stripe).toMatchObject({
      configured: true,
      reachable: false,
      error: expect.stringMatching(/^Stripe: no answer/i),
    });
    expect(report.twilio).toMatchObject({
      configured: true,
      reachable: false,
      error: 'Twilio: the provider answered HTTP 503',
    });
    expect(report.smtp.reachable).toBe(true);
  });

  it('shows a tenant its own health only; platform staff name the tenant', async () => {
    const a = await customer();
    const b = await customer();
    await withStripeCustomer(b.tenant.id);

    for (const headers of [a.admin, a.user]) {
      const other = await call(headers, { url: `/api/integrations/health?tenantId=${b.tenant.id}` });
      expect(other.statusCode).toBe(404);
      expect(other.body).not.toContain(b.tenant.id);
      expect((await health(headers)).stripe.configured).toBe(false);
      expect((await health(headers, a.tenant.id)).stripe.configured).toBe(false);
    }
    expect((await health(staff, b.tenant.id)).stripe).toMatchObject({ configured: true, reachable: true });
    expect((await call(staff, { url: '/api/integrations/health' })).statusCode).toBe(400);
    expect((await call({ authorization: 'Bearer nope' }, { url: '/api/integrations/health' })).statusCode).toBe(401);
  });

  it('keeps the tenant’s mail sender: validated, set by its admin only, audited, read by staff', async () => {
    const { tenant, admin, user } = await customer();
    const put = (headers: Headers, payload: Record<string, string | undefined>) =>
      call(headers, { method: 'PUT', url: '/api/integrations/mail-sender', payload });
    const platformDefault = await call(admin, { url: '/api/integrations/mail-sender' });
    expect(platformDefault.json()).toEqual({
      fromName: 'VoicePlane',
      fromAddress: 'no-reply@voiceplane.local',
      custom: false,
      updatedAt: null,
    });

    for (const payload of [
      { fromName: 'Studio', fromAddress: 'not an address' },
      { fromName: 'Studio\r\nBcc: victim@example.test', fromAddress: 'hello@studio.example' },
      { fromName: '', fromAddress: 'hello@studio.example' },
      { fromName: 'Studio', fromAddress: 'hello@studio.example', smtpUrl: 'smtp://elsewhere' },
    ]) {
      const refused = await put(admin, payload);
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await put(user, { fromName: 'Studio', fromAddress: 'hello@studio.example' })).statusCode).toBe(403);
    expect((await put(staff, { fromName: 'Studio', fromAddress: 'hello@studio.example' })).statusCode).toBe(403);

    const saved = await put(admin, { fromName: 'Studio Nord', fromAddress: 'hello@studio-nord.example' });
    expect(saved.json()).toMatchObject({
      fromName: 'Studio Nord',
      fromAddress: 'hello@studio-nord.example',
      custom: true,
    });
    const changed = await put(admin, { fromName: 'Studio Süd', fromAddress: 'hallo@studio-sued.example' });
    expect(changed.json()).toMatchObject({ fromName: 'Studio Süd', custom: true });
    expect((await call(staff, { url: `/api/integrations/mail-sender?tenantId=${tenant.id}` })).json()).toEqual(
      changed.json(),
    );
    const other = await customer();
    expect((await call(other.admin, { url: `/api/integrations/mail-sender?tenantId=${tenant.id}` })).statusCode).toBe(
      404,
    );
    expect((await call(other.admin, { url: '/api/integrations/mail-sender' })).json().custom).toBe(false);

    const audits = await inScope(h.orm, { system: 'test' }, (em) =>
      em.find(AuditLog, { tenantId: tenant.id, action: 'mail_sender.updated' }, { orderBy: { createdAt: 'asc' } }),
    );
    expect(audits.map((audit) => audit.details)).toEqual([
      { from: null, to: { fromName: 'Studio Nord', fromAddress: 'hello@studio-nord.example' } },
      {
        from: { fromName: 'Studio Nord', fromAddress: 'hello@studio-nord.example' },
        to: { fromName: 'Studio Süd', fromAddress: 'hallo@studio-sued.example' },
      },
    ]);
  });
});
