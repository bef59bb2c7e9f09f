import { randomUUID } from 'node:crypto';
import { Agent, CallLog, TenantSettings } from '../../db/entities';
import { inScope } from '../../db/scope';
import { useElevenLabsSimulator } from '../../sim/elevenlabs/test-simulator';
import { bearerFor, makeUser } from '../support/factories';
import { makeCustomer, monitoringHarness, type Headers } from './monitoring-support';

const DAY_MS = 86_400_000;

/** `/api/agents`: ElevenLabs agents looked up with the tenant's own key, registered once, listed with statistics. */
describe('monitored agents API', () => {
  const sim = useElevenLabsSimulator();
  let world: Awaited<ReturnType<typeof monitoringHarness>>;
  beforeAll(async () => {
    world = await monitoringHarness(sim.baseUrl);
  });
  afterAll(() => world.h.close());

  const post = (headers: Headers, url: string, payload: Record<string, unknown> = {}) =>
    world.call(headers, { method: 'POST', url, payload });
  const list = (headers: Headers, query = '') => world.call(headers, { url: `/api/agents${query}` });
  const system = <T>(work: Parameters<typeof inScope<T>>[2]) => inScope(world.h.orm, { system: 'test' }, work);

  /** A tenant with the key of a fresh simulator workspace saved (and tested when `active`). */
  async function connected({ active = false } = {}) {
    const customer = await makeCustomer(world.h);
    const workspace = await sim.workspace();
    expect((await post(customer.admin, '/api/integrations', { apiKey: workspace.apiKey })).statusCode).toBe(201);
    if (active) expect((await post(customer.admin, '/api/integrations/test')).json().status).toBe('active');
    return { ...customer, workspace };
  }
  const register = async (headers: Headers, agentId: string) => {
    const response = await post(headers, '/api/agents', { agentId });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; agentId: string }>();
  };

  it('looks an agent up in the tenant’s workspace, and finds none of another workspace', async () => {
    const { admin, workspace } = await connected();
    const found = await post(admin, '/api/agents/validate', { agentId: ` ${workspace.agentId} ` });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual({
      agentId: workspace.agentId,
      name: 'Front desk',
      language: 'en',
      voiceId: expect.any(String),
      firstMessage: 'Hello, this is Front desk. How can I help you today?',
      tags: [],
      registered: false,
    });

    const elsewhere = await sim.workspace();
    for (const agentId of [elsewhere.agentId, 'agent_that_never_existed']) {
      const missing = await post(admin, '/api/agents/validate', { agentId });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().detail).toBe('No such agent in your ElevenLabs workspace');
    }
    expect((await post(admin, '/api/agents/validate', { agentId: 'agent with spaces' })).statusCode).toBe(400);
  });

  it('needs a saved key that has not failed its test, and answers 503 while ElevenLabs is down', async () => {
    const unconnected = await makeCustomer(world.h);
    expect((await post(unconnected.admin, '/api/agents/validate', { agentId: 'agent_x' })).statusCode).toBe(409);

    const { admin, workspace } = await connected();
    await sim.control.fault({ operation: 'elevenlabs.getAgent', mode: 'fail', status: 502 });
    const down = await post(admin, '/api/agents/validate', { agentId: workspace.agentId });
    expect(down.statusCode).toBe(503);
    expect(down.json().detail).toMatch(/^ElevenLabs did not answer/);

    await sim.elevenlabs.revokeKey(workspace.apiKey);
    expect((await post(admin, '/api/integrations/test')).json().status).toBe('error');
    const refused = await post(admin, '/api/agents', { agentId: workspace.agentId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('Integrations page');
  });

  it('registers an agent once per organisation and refuses another organisation without naming it', async () => {
    const { tenant, admin, workspace } = await connected();
    const agent = await register(admin, workspace.agentId);
    expect(agent).toMatchObject({
      tenantId: tenant.id,
      agentId: workspace.agentId,
      name: 'Front desk',
      refreshedAt: expect.any(String),
      stats: { callsToday: 0, calls: 0, minutes: 0, successRate: null, averageDurationSeconds: null, lastCallAt: null },
    });
    const again = await post(admin, '/api/agents', { agentId: workspace.agentId });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Your organisation monitors this agent already');
    expect((await post(admin, '/api/agents/validate', { agentId: workspace.agentId })).json().registered).toBe(true);

    // Another organisation with a key to the same ElevenLabs workspace.
    const other = await makeCustomer(world.h);
    const { apiKey } = await sim.elevenlabs.createKey(workspace.accountId);
    await post(other.admin, '/api/integrations', { apiKey });
    const taken = await post(other.admin, '/api/agents', { agentId: workspace.agentId });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail).toBe('This agent is registered by another organisation');
    expect(taken.body).not.toContain(tenant.id);
    expect(taken.body).not.toContain(tenant.name);
    expect((await list(other.admin)).json().items).toEqual([]);
    expect((await list(admin)).json().items.map((a: { id: string }) => a.id)).toEqual([agent.id]);
  });

  it('lists each agent’s calls today, minutes, success rate, average duration and last call', async () => {
    const { tenant, admin, user, workspace } = await connected();
    const agent = await register(admin, workspace.agentId);
    const second = await sim.elevenlabs.createAgent(workspace.accountId, { name: 'Night line' });
    const quiet = await register(admin, second.agentId);
    await system((em) => em.nativeUpdate(TenantSettings, { tenantId: tenant.id }, { timezone: 'UTC' }));

    const now = new Date();
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const calls: Array<[Date, number | null, 'success' | 'failure' | 'unknown' | null, string?]> = [
      [today, 60, 'success'],
      [now, 120, 'failure'],
      [today, null, null],
      [new Date(today.getTime() - 3_600_000), 30, 'unknown'],
      [new Date(now.getTime() - 40 * DAY_MS), 600, 'success'],
      [now, 999, 'success', 'twilio'],
    ];
    await system(async (em) => {
      for (const [startedAt, durationSeconds, outcome, provider = 'elevenlabs'] of calls) {
        em.create(CallLog, {
          tenantId: tenant.id,
          agentId: agent.id,
          provider,
          externalCallId: `conv_${randomUUID()}`,
          status: durationSeconds === null ? 'in-progress' : 'completed',
          startedAt,
          durationSeconds,
          outcome,
          transcript: null,
          analysis: null,
        });
      }
      await em.flush();
    });

    const listed = await list(user);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({ timezone: 'UTC', statsSince: expect.any(String) });
    const byId = new Map(listed.json().items.map((item: { id: string }) => [item.id, item]));
    expect(byId.get(agent.id)).toMatchObject({
      name: 'Front desk',
      stats: {
        callsToday: 3,
        calls: 4,
        minutes: 3.5,
        successRate: 0.5,
        averageDurationSeconds: 70,
        lastCallAt: now.toISOString(),
      },
    });
    expect(byId.get(quiet.id)).toMatchObject({ name: 'Night line', stats: { calls: 0, lastCallAt: null } });
  });

  it('reads stale details again from ElevenLabs while the key is ACTIVE, and lists even when that fails', async () => {
    const { tenant, admin, workspace } = await connected();
    const agent = await register(admin, workspace.agentId);
    const staleSince = new Date(Date.now() - 10 * 60_000);
    const makeStale = () =>
      system((em) => em.nativeUpdate(Agent, { id: agent.id }, { name: 'Old name', refreshedAt: staleSince }));
    const listedName = async () => (await list(admin)).json().items[0].name;

    await makeStale();
    expect(await listedName()).toBe('Old name');

    expect((await post(admin, '/api/integrations/test')).json().status).toBe('active');
    await sim.control.fault({ operation: 'elevenlabs.getAgent', mode: 'fail', status: 500 });
    expect(await listedName()).toBe('Old name');

    expect(await listedName()).toBe('Front desk');
    const row = await system((em) => em.findOneOrFail(Agent, { id: agent.id, tenantId: tenant.id }, { refresh: true }));
    expect(row.refreshedAt!.getTime()).toBeGreaterThan(staleSince.getTime());
  });

  it('removes an agent, keeping its call logs, and the integration’s removal takes the agents with it', async () => {
    const { tenant, admin, user, workspace } = await connected();
    const agent = await register(admin, workspace.agentId);
    const callId = `conv_${randomUUID()}`;
    await system(async (em) => {
      em.create(CallLog, {
        tenantId: tenant.id,
        agentId: agent.id,
        provider: 'elevenlabs',
        externalCallId: callId,
        status: 'completed',
        startedAt: new Date(),
        transcript: null,
        analysis: null,
      });
      await em.flush();
    });
    const other = await makeCustomer(world.h);
    expect((await world.call(other.admin, { method: 'DELETE', url: `/api/agents/${agent.id}` })).statusCode).toBe(404);
    expect((await world.call(user, { method: 'DELETE', url: `/api/agents/${agent.id}` })).statusCode).toBe(403);
    expect((await world.call(admin, { method: 'DELETE', url: `/api/agents/${agent.id}` })).statusCode).toBe(204);
    expect((await list(admin)).json().items).toEqual([]);
    const log = await system((em) => em.findOneOrFail(CallLog, { externalCallId: callId }, { refresh: true }));
    expect(log.agentId).toBeNull();

    const again = await register(admin, workspace.agentId);
    expect((await world.call(admin, { method: 'DELETE', url: '/api/integrations' })).statusCode).toBe(204);
    expect(await system((em) => em.count(Agent, { id: again.id }))).toBe(0);
  });

  it('lets members list but not change agents, and staff list a tenant they name', async () => {
    const { tenant, admin, user, workspace } = await connected();
    const agent = await register(admin, workspace.agentId);
    expect((await post(user, '/api/agents/validate', { agentId: workspace.agentId })).statusCode).toBe(403);
    expect((await post(user, '/api/agents', { agentId: workspace.agentId })).statusCode).toBe(403);

    const support = await bearerFor(world.h.app, await makeUser(world.h.orm, 'support', null));
    const seen = await list(support, `?tenantId=${tenant.id}`);
    expect(seen.json().items.map((a: { id: string }) => a.id)).toEqual([agent.id]);
    expect((await list(support)).statusCode).toBe(400);
    expect((await post(support, '/api/agents', { agentId: workspace.agentId })).statusCode).toBe(403);
    const stranger = await makeCustomer(world.h);
    expect((await list(stranger.admin, `?tenantId=${tenant.id}`)).statusCode).toBe(404);
  });
});
