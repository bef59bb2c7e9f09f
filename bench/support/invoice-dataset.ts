import type { BillingProvider } from '../../activities/adapters/billing-provider';
import type { PlanId } from '../../contracts/pricing';
import { USAGE_KINDS } from '../../contracts/usage-kind';
import { BillingAccount, Plan, Subscription, Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { periodDays } from '../../domain/billing/billing-period';
import { usageProfile, type UsageProfile } from './invoice-usage-profiles';
import { pgArray } from './pg-array';

export interface BenchTenant {
  index: number;
  id: string;
  plan: PlanId;
  profile: UsageProfile;
}

const scope = { system: 'bench-invoices' };
const ROWS_PER_STATEMENT = 1_000_000;
const CUSTOMER_REQUESTS_AT_ONCE = 16;

/**
 * The bench's tenants as onboarding leaves them (active, a Stripe customer in the simulator, a billing account and
 * a subscription in force since before `period`), with `eventsPerTenant` usage events each around the period.
 */
export async function createInvoiceDataset(
  deps: { orm: Orm; stripe: BillingProvider },
  options: { tenants: number; eventsPerTenant: number; period: string; runId: string },
): Promise<{ tenants: BenchTenant[]; stagesMs: Record<'tenants' | 'customers' | 'usage', number> }> {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - mark;
    mark = now;
    return ms;
  };
  const plans = await inScope(deps.orm, scope, (em) => em.find(Plan, {}));
  const planId = (code: PlanId) => plans.find((plan) => plan.code === code)!.id;
  const profiles = Array.from({ length: options.tenants }, (_, index) => usageProfile(index, options.eventsPerTenant));
  const slugs = profiles.map((_, index) => `bench-inv-${options.runId}-${index}`);

  const { start, endExclusive } = periodDays(options.period);
  const since = new Date(Date.parse(`${start}T00:00:00Z`) - 31 * 86_400_000);
  const tenants = await inScope(deps.orm, scope, async (em) => {
    const rows = slugs.map((slug) =>
      em.create(Tenant, {
        name: slug,
        slug,
        status: 'active',
        onboardingStep: 'active',
        contactEmail: `contact@${slug}.example.test`,
        verifiedAt: since,
      }),
    );
    await em.flush();
    return rows.map((tenant, index) => ({
      index,
      id: tenant.id,
      plan: profiles[index]!.plan,
      profile: profiles[index]!,
    }));
  });
  const tenantsMs = lap();

  // Onboarding's billing step: the Stripe customer, then the billing account that names it.
  const customers: string[] = [];
  for (let from = 0; from < tenants.length; from += CUSTOMER_REQUESTS_AT_ONCE) {
    const batch = tenants.slice(from, from + CUSTOMER_REQUESTS_AT_ONCE);
    const created = await Promise.all(
      batch.map((tenant) =>
        deps.stripe.createCustomer({
          idempotencyKey: `bench-customer-${tenant.id}`,
          email: `billing@${slugs[tenant.index]}.example.test`,
          name: slugs[tenant.index]!,
          tenantId: tenant.id,
        }),
      ),
    );
    customers.push(...created.map((customer) => customer.id));
  }
  await inScope(deps.orm, scope, async (em) => {
    for (const tenant of tenants) {
      em.create(BillingAccount, {
        tenantId: tenant.id,
        stripeCustomerId: customers[tenant.index]!,
        email: `billing@${slugs[tenant.index]}.example.test`,
        currency: 'EUR',
      });
      em.create(Subscription, {
        tenantId: tenant.id,
        planId: planId(tenant.plan),
        status: 'active',
        pastDueSince: null,
        currentPeriodStart: new Date(`${start}T00:00:00Z`),
        currentPeriodEnd: new Date(`${endExclusive}T00:00:00Z`),
      });
    }
    await em.flush();
    // Subscribed before the period began, as a tenant billed for it was.
    const ids = pgArray(tenants.map((tenant) => tenant.id));
    await em.execute(`update subscriptions set created_at = ? where tenant_id = any(?::uuid[])`, [since, ids]);
  });
  const customersMs = lap();

  const perStatement = Math.max(1, Math.floor(ROWS_PER_STATEMENT / Math.max(1, options.eventsPerTenant)));
  for (let from = 0; from < tenants.length; from += perStatement) {
    await insertUsage(deps.orm, tenants.slice(from, from + perStatement), options);
    const done = Math.min(tenants.length, from + perStatement) * options.eventsPerTenant;
    process.stdout.write(`  ${done.toLocaleString('en')} usage events\r`);
  }
  process.stdout.write('\n');
  await inScope(deps.orm, scope, (em) => em.execute('analyze usage_events; analyze usage_daily'));
  return { tenants, stagesMs: { tenants: tenantsMs, customers: customersMs, usage: lap() } };
}

/**
 * Event n of tenant i: its kind round robin over the profile's kinds, its quantity spread evenly 1..2·mean−1,
 * its time spread over the period's seconds. Both ends of the period get an event (its first instant, its last
 * millisecond), 2 % of the events fall just outside (the day before it, the hour after it), and an idle tenant's
 * all lie in the month before. Ids are ordered (load time, tenant, n), as UUIDv7 would be: random ones would send
 * every insert to a random page of a primary key far larger than shared_buffers, at half the speed. The rollup is
 * built in the same transaction, with the trigger off, the way the trigger would have built it (decision 004): one
 * upsert per tenant, day, bot and kind instead of one per event.
 */
async function insertUsage(
  orm: Orm,
  tenants: BenchTenant[],
  options: { eventsPerTenant: number; period: string },
): Promise<void> {
  const { start, endExclusive } = periodDays(options.period);
  const periodSeconds = (Date.parse(endExclusive) - Date.parse(start)) / 1000;
  const kindsOf = (profile: UsageProfile) => USAGE_KINDS.filter((kind) => profile.means[kind] !== undefined);
  await inScope(orm, scope, async (em) => {
    await em.execute('alter table usage_events disable trigger usage_events_rollup');
    await em.execute(
      `insert into usage_events (id, tenant_id, bot_id, kind, quantity, occurred_at, idempotency_key, source, call_sid)
       select (lpad(to_hex(?::bigint), 12, '0') || lpad(to_hex(t.idx), 8, '0') || lpad(to_hex(n), 12, '0'))::uuid,
              t.id, null, k.kind, 1 + (n * 7919 + t.idx * 104729) % (2 * k.mean - 1),
              case
                when t.idle then p.start - make_interval(secs => 1 + (n * 7 + t.idx) % (28 * 86400))
                when n % 50 = 48 then p.next + make_interval(secs => (n * 13 + t.idx) % 3600)
                when n % 50 = 49 then p.start - make_interval(secs => 1 + (n * 13 + t.idx) % 86400)
                when n = 0 then p.start
                when n = 1 then p.next - interval '1 millisecond'
                else p.start + make_interval(secs => (n * 104723 + t.idx * 7) % ?)
              end,
              'bench-invoices:' || t.id || ':' || n, 'bench', null
         from unnest(?::bigint[], ?::uuid[], ?::boolean[], ?::text[], ?::text[]) as t(idx, id, idle, kinds, means)
        cross join (select ?::timestamptz as start, ?::timestamptz as next) as p
        cross join generate_series(0::bigint, ?::bigint - 1) as n
        cross join lateral (
          select (string_to_array(t.kinds, ','))[1 + (n + t.idx) % cardinality(string_to_array(t.kinds, ','))] as kind,
                 (string_to_array(t.means, ',')::bigint[])[1 + (n + t.idx) % cardinality(string_to_array(t.kinds, ','))] as mean
        ) as k`,
      [
        Date.now(),
        periodSeconds,
        pgArray(tenants.map((tenant) => tenant.index)),
        pgArray(tenants.map((tenant) => tenant.id)),
        pgArray(tenants.map((tenant) => tenant.profile.idle === true)),
        pgArray(tenants.map((tenant) => kindsOf(tenant.profile).join(','))),
        pgArray(
          tenants.map((tenant) =>
            kindsOf(tenant.profile)
              .map((kind) => tenant.profile.means[kind])
              .join(','),
          ),
        ),
        `${start}T00:00:00Z`,
        `${endExclusive}T00:00:00Z`,
        options.eventsPerTenant,
      ],
    );
    await em.execute(
      `insert into usage_daily (tenant_id, bot_id, day, kind, quantity, events)
       select tenant_id, coalesce(bot_id, '00000000-0000-0000-0000-000000000000'),
              (occurred_at at time zone 'UTC')::date, kind, sum(quantity), count(*)
         from usage_events where tenant_id = any(?::uuid[]) group by 1, 2, 3, 4
       on conflict (tenant_id, day, bot_id, kind) do update
          set quantity = usage_daily.quantity + excluded.quantity, events = usage_daily.events + excluded.events`,
      [pgArray(tenants.map((tenant) => tenant.id))],
    );
    await em.execute('alter table usage_events enable trigger usage_events_rollup');
  });
}
