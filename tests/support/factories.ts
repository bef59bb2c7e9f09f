import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, Integration, Plan, Subscription, Tenant, TenantSettings, User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { PlanId } from '../../contracts/pricing';
import type { Role } from '../../contracts/roles';
import { SUBSCRIPTION_IN_FORCE } from '../../contracts/subscription-status';
import { hashPassword } from '../../domain/auth/password';
import { apiKeyContext, webhookSecretContext } from '../../domain/integrations/sealed-contexts';
import { createSecretBox, secretHint } from '../../domain/secrets/secret-box';
import type { App } from '../../api/app';
import { TEST_SECRET } from './harness';

export const PASSWORD = 'correct-horse-battery';

export async function makeTenant(orm: Orm, overrides: Partial<Pick<Tenant, 'status' | 'name'>> = {}): Promise<Tenant> {
  const suffix = randomUUID().slice(0, 8);
  return inScope(orm, { system: 'test' }, async (em) => {
    const tenant = em.create(Tenant, {
      name: overrides.name ?? `Tenant ${suffix}`,
      slug: `t-${suffix}`,
      status: overrides.status ?? 'active',
      onboardingStep: 'active',
      contactEmail: `contact-${suffix}@example.test`,
      verifiedAt: new Date(),
    });
    await em.flush();
    em.create(TenantSettings, { tenantId: tenant.id });
    await em.flush();
    return tenant;
  });
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  tenantId: string | null;
}

export async function makeUser(orm: Orm, role: Role, tenantId: string | null): Promise<TestUser> {
  const user = await inScope(orm, { system: 'test' }, async (em) => {
    const created = em.create(User, {
      tenantId,
      role,
      email: `${role}-${randomUUID().slice(0, 8)}@example.test`,
      name: `Test ${role}`,
      passwordHash: await hashPassword(PASSWORD),
    });
    await em.flush();
    return created;
  });
  return { id: user.id, email: user.email, password: PASSWORD, role, tenantId };
}

/** Signs in through the API and returns a bearer header for later requests. */
export async function bearerFor(
  app: App,
  user: { email: string; password: string },
): Promise<{ authorization: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return { authorization: `Bearer ${response.json<{ accessToken: string }>().accessToken}` };
}

/** A tenant with one user of each customer role plus platform staff, all signed in. */
export async function makeWorld(orm: Orm, app: App) {
  const tenant = await makeTenant(orm);
  const users = {
    platform_admin: await makeUser(orm, 'platform_admin', null),
    support: await makeUser(orm, 'support', null),
    customer_admin: await makeUser(orm, 'customer_admin', tenant.id),
    customer_user: await makeUser(orm, 'customer_user', tenant.id),
  };
  const headers = {
    platform_admin: await bearerFor(app, users.platform_admin),
    support: await bearerFor(app, users.support),
    customer_admin: await bearerFor(app, users.customer_admin),
    customer_user: await bearerFor(app, users.customer_user),
  };
  return { tenant, users, headers };
}

/**
 * Puts a tenant on a plan of the price list for this month, ending the subscription it had (tenants made by
 * `makeTenant` have none, so no plan gates them). `overrides` set the status, e.g. past due since a date.
 */
export async function subscribeTenant(
  orm: Orm,
  tenantId: string,
  planCode: PlanId,
  overrides: Partial<Pick<Subscription, 'status' | 'pastDueSince' | 'suspendedAt' | 'stripeSubscriptionId'>> = {},
): Promise<Subscription> {
  return inScope(orm, { system: 'test' }, async (em) => {
    const plan = await em.findOneOrFail(Plan, { code: planCode });
    await em.nativeUpdate(
      Subscription,
      { tenantId, status: { $in: [...SUBSCRIPTION_IN_FORCE] } },
      { status: 'canceled', pastDueSince: null },
    );
    const now = new Date();
    const subscription = em.create(Subscription, {
      tenantId,
      planId: plan.id,
      status: 'active',
      pastDueSince: null,
      currentPeriodStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
      currentPeriodEnd: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
      ...overrides,
    });
    await em.flush();
    return subscription;
  });
}

/**
 * A tenant's ElevenLabs integration with one registered agent, as the integrations page leaves them: the key and
 * a fresh webhook secret sealed with the suites' secret box, a fresh webhook token.
 */
export async function makeMonitoredAgent(
  orm: Orm,
  input: {
    tenantId: string;
    apiKey: string;
    externalAgentId: string;
    agentName: string;
    status?: 'active' | 'error';
    anonymise?: boolean;
  },
): Promise<{ integrationId: string; agentRowId: string; webhookSecret: string; webhookToken: string }> {
  const box = createSecretBox(TEST_SECRET);
  const integrationId = randomUUID();
  const webhookSecret = `wsec_${randomBytes(24).toString('hex')}`;
  const webhookToken = randomBytes(16).toString('hex');
  const agentRowId = await inScope(orm, { tenantId: input.tenantId }, async (em) => {
    em.create(Integration, {
      id: integrationId,
      tenantId: input.tenantId,
      provider: 'elevenlabs',
      status: input.status ?? 'active',
      secretCiphertext: box.seal(input.apiKey, apiKeyContext(integrationId)),
      secretHint: secretHint(input.apiKey),
      webhookSecretCiphertext: box.seal(webhookSecret, webhookSecretContext(integrationId)),
      webhookSecretHint: secretHint(webhookSecret),
      webhookToken,
    });
    // No relation is declared between the two entities, so the integration goes in first.
    await em.flush();
    const agent = em.create(Agent, {
      tenantId: input.tenantId,
      integrationId,
      externalAgentId: input.externalAgentId,
      name: input.agentName,
    });
    if (input.anonymise) {
      await em.nativeUpdate(TenantSettings, { tenantId: input.tenantId }, { anonymizeCallLogs: true });
    }
    await em.flush();
    return agent.id;
  });
  return { integrationId, agentRowId, webhookSecret, webhookToken };
}
