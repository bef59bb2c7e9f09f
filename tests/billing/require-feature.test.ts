import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { errorsPlugin } from '../../api/plugins/errors';
import { requireFeature } from '../../api/require-feature';
import type { Role } from '../../contracts/roles';
import { createOrm, type Orm } from '../../db/orm';
import type { Actor } from '../../domain/auth/actor';
import { makeTenant, subscribeTenant } from '../support/factories';
import { testDatabaseUrl } from '../support/harness';

/** A route behind the custom-prompts feature, the way a future route declares it; the actor comes from a header. */
async function appWithGatedRoute(orm: Orm): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(errorsPlugin);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = JSON.parse(String(request.headers['x-test-actor'])) as Actor;
  });
  const tenantParam = (request: { params: unknown }) => (request.params as { tenantId?: string }).tenantId;
  app.put('/tenants/:tenantId/prompt', { preHandler: requireFeature({ orm }, 'customPrompts', tenantParam) }, () => ({
    saved: true,
  }));
  app.put('/prompt-templates', { preHandler: requireFeature({ orm }, 'customPrompts') }, () => ({ saved: true }));
  return app;
}

describe('requireFeature (the plan gate for routes)', () => {
  let orm: Orm;
  let app: FastifyInstance;
  const tenants: Record<'starter' | 'pro' | 'none', string> = { starter: '', pro: '', none: '' };
  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
    app = await appWithGatedRoute(orm);
    for (const plan of ['starter', 'pro'] as const) {
      tenants[plan] = (await makeTenant(orm)).id;
      await subscribeTenant(orm, tenants[plan], plan);
    }
    tenants.none = (await makeTenant(orm)).id;
  });
  afterAll(async () => {
    await app.close();
    await orm.close();
  });

  const as = (role: Role, tenantId: string | null) => ({
    'x-test-actor': JSON.stringify({ userId: randomUUID(), role, tenantId } satisfies Actor),
  });
  const save = (url: string, headers: Record<string, string>) => app.inject({ method: 'PUT', url, headers });

  it('answers 402 problem+json naming the feature and the plan that has it when the tenant’s plan lacks it', async () => {
    const response = await save(`/tenants/${tenants.starter}/prompt`, as('customer_admin', tenants.starter));
    expect(response.statusCode).toBe(402);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      status: 402,
      code: 'payment_required',
      detail: 'Custom prompts is not part of the Starter plan; it comes with Pro',
    });
  });

  it('lets a tenant whose plan has the feature through', async () => {
    const response = await save(`/tenants/${tenants.pro}/prompt`, as('customer_user', tenants.pro));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ saved: true });
  });

  it('gates a customer by their own tenant’s plan, whatever tenant the URL names', async () => {
    const response = await save(`/tenants/${tenants.pro}/prompt`, as('customer_admin', tenants.starter));
    expect(response.statusCode).toBe(402);
  });

  it('gates platform staff by the plan of the tenant they act on, and not when they act on none', async () => {
    expect((await save(`/tenants/${tenants.starter}/prompt`, as('platform_admin', null))).statusCode).toBe(402);
    expect((await save(`/tenants/${tenants.pro}/prompt`, as('platform_admin', null))).statusCode).toBe(200);
    expect((await save('/prompt-templates', as('platform_admin', null))).statusCode).toBe(200);
  });

  it('does not gate a tenant without a subscription (made outside onboarding)', async () => {
    expect((await save(`/tenants/${tenants.none}/prompt`, as('customer_admin', tenants.none))).statusCode).toBe(200);
  });
});
