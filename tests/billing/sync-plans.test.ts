import { randomUUID } from 'node:crypto';
import { loadPricingCatalog } from '../../config/pricing';
import type { PricingCatalog } from '../../contracts/pricing';
import { Plan, Subscription } from '../../db/entities';
import { createOrm, type Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { syncPlansFromCatalog } from '../../domain/billing/sync-plans-from-catalog';
import { testDatabaseUrl } from '../support/harness';
import { openPrivateSchema, type PrivateSchema } from '../support/private-schema';

const catalog = loadPricingCatalog();
const BEFORE_PRICE_LIST = 'Migration20261125000000';

/** The sync rewrites the plans every other suite reads, so it runs in a schema of its own, migrated from nothing. */
describe('plans follow the price list', () => {
  let schema: PrivateSchema;
  let orm: Orm;
  const subscriptionOf: Record<string, string> = {};

  const sql = <T extends object>(query: string, params: unknown[] = []) =>
    inScope(orm, { system: 'test' }, (em) => em.execute<T[]>(query, params));
  const planCodes = async () =>
    (await sql<{ code: string }>('select code from plans order by sort_order, code')).map((row) => row.code);
  const planOfSubscription = async (id: string) =>
    (
      await sql<{ code: string }>(
        'select p.code from subscriptions s join plans p on p.id = s.plan_id where s.id = ?',
        [id],
      )
    )[0]!.code;

  beforeAll(async () => {
    schema = await openPrivateSchema('plan_sync');
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
    await orm.migrator.up({ schema: schema.name, to: BEFORE_PRICE_LIST });
    // What the earlier seed wrote: three fixture plans, and tenants subscribed to each.
    for (const [code, fee, isDefault] of [
      ['starter', 4900, true],
      ['growth', 19900, false],
      ['scale', 79900, false],
    ] as const) {
      const planId = randomUUID();
      await sql(
        `insert into plans (id, code, name, currency, monthly_price_cents, included_minutes, price_per_minute_cents,
                            max_bots, is_default)
         values (?, ?, ?, 'EUR', ?, 500, 9, 2, ?)`,
        [planId, code, code, fee, isDefault],
      );
      const tenantId = randomUUID();
      await sql(`insert into tenants (id, name, slug, status, contact_email) values (?, ?, ?, 'active', ?)`, [
        tenantId,
        `On ${code}`,
        `on-${code}`,
        `${code}@example.test`,
      ]);
      subscriptionOf[code] = randomUUID();
      await sql(
        `insert into subscriptions (id, tenant_id, plan_id, status, current_period_start, current_period_end)
         values (?, ?, ?, 'active', now(), now() + interval '1 month')`,
        [subscriptionOf[code], tenantId, planId],
      );
    }
    await orm.migrator.up({ schema: schema.name });
  });
  afterAll(async () => {
    await orm?.close();
    await schema?.drop();
  });

  it('writes the price list over the fixture plans and moves their subscriptions to pro and enterprise', async () => {
    expect(await syncPlansFromCatalog(orm, catalog)).toEqual({
      created: ['pro', 'enterprise'],
      updated: ['starter'],
      removed: ['growth', 'scale'],
      movedSubscriptions: 2,
    });
    expect(await planCodes()).toEqual(['starter', 'pro', 'enterprise']);
    expect(await planOfSubscription(subscriptionOf.starter!)).toBe('starter');
    expect(await planOfSubscription(subscriptionOf.growth!)).toBe('pro');
    expect(await planOfSubscription(subscriptionOf.scale!)).toBe('enterprise');
    const pro = await inScope(orm, { system: 'test' }, (em) => em.findOneOrFail(Plan, { code: 'pro' }));
    expect(pro).toMatchObject({
      name: 'Pro',
      currency: 'EUR',
      monthlyFeeCents: 4900,
      stripePriceId: 'price_voiceplane_pro_monthly',
      maxBots: 5,
      monthlyMinuteCap: 5000,
      isDefault: false,
      sortOrder: 1,
    });
    expect(pro.usagePrices).toEqual(catalog.plans[1]!.usage);
    expect(await sql('select code from plans where is_default')).toEqual([{ code: 'starter' }]);
  });

  it('changes nothing when run again', async () => {
    expect(await syncPlansFromCatalog(orm, catalog)).toEqual({
      created: [],
      updated: [],
      removed: [],
      movedSubscriptions: 0,
    });
  });

  it('follows a changed price and a new default plan', async () => {
    const changed: PricingCatalog = {
      ...catalog,
      defaultPlan: 'pro',
      plans: catalog.plans.map((plan) => (plan.id === 'pro' ? { ...plan, monthlyFeeCents: 5900 } : plan)),
    };
    expect(await syncPlansFromCatalog(orm, changed)).toMatchObject({ updated: ['starter', 'pro'] });
    expect(await sql('select code, monthly_fee_cents from plans where is_default')).toEqual([
      { code: 'pro', monthly_fee_cents: 5900 },
    ]);
    expect(await syncPlansFromCatalog(orm, catalog)).toMatchObject({ updated: ['starter', 'pro'] });
  });

  it('refuses to drop a plan tenants still subscribe to, and drops it once they have moved', async () => {
    const withoutEnterprise = { ...catalog, plans: catalog.plans.filter((plan) => plan.id !== 'enterprise') };
    await expect(syncPlansFromCatalog(orm, withoutEnterprise)).rejects.toThrow(
      'Plan enterprise is not in the price list but tenants subscribe to it',
    );
    expect(await planCodes()).toEqual(['starter', 'pro', 'enterprise']);

    await inScope(orm, { system: 'test' }, (em) => em.nativeDelete(Subscription, { id: subscriptionOf.scale! }));
    expect(await syncPlansFromCatalog(orm, withoutEnterprise)).toMatchObject({ removed: ['enterprise'] });
    expect(await planCodes()).toEqual(['starter', 'pro']);
    await syncPlansFromCatalog(orm, catalog);
  });

  it('lets a subscription be past due only with the time it became so', async () => {
    const id = subscriptionOf.starter!;
    await expect(sql(`update subscriptions set status = 'past_due' where id = ?`, [id])).rejects.toThrow(
      /subscriptions_past_due_since_check/,
    );
    await sql(`update subscriptions set status = 'past_due', past_due_since = now() where id = ?`, [id]);
    await expect(sql(`update subscriptions set status = 'active' where id = ?`, [id])).rejects.toThrow(
      /subscriptions_past_due_since_check/,
    );
  });
});
