import { randomUUID } from 'node:crypto';
import { Tenant } from '../db/entities';
import { inScope } from '../db/scope';
import { getUsageSummary } from '../domain/usage/get-usage-summary';
import { percentile, startBenchStack } from './support/bench-stack';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const TENANTS = 10;
const DAYS = 90;
const RUNS = 200;

/**
 * `npm run bench:usage`: the usage summary at 10 M events. Loads the events once (kept in .data/bench-postgres),
 * then times the summary use case on the rollup and, for comparison, the same totals from raw events.
 */
async function main(): Promise<void> {
  const stack = await startBenchStack();
  const { orm } = stack;
  const tenants = await ensureDataset();
  const tenantId = tenants[0]!;
  const actor = { userId: randomUUID(), role: 'customer_admin' as const, tenantId };

  const time = async (work: () => Promise<unknown>, runs: number) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      await work();
      samples.push(performance.now() - started);
    }
    return samples.sort((a, b) => a - b);
  };
  const report = (name: string, samples: number[]) =>
    console.log(
      `${name.padEnd(34)} p50 ${percentile(samples, 50).toFixed(2)} ms   p95 ${percentile(samples, 95).toFixed(2)} ms`,
    );

  console.log(
    `usage_events: ${EVENTS.toLocaleString('en')} rows across ${TENANTS} tenants; one tenant ≈ ${(EVENTS / TENANTS).toLocaleString('en')} events`,
  );
  for (const groupBy of ['day', 'bot', 'kind'] as const) {
    const samples = await time(
      () =>
        getUsageSummary(
          { orm },
          { actor, query: { range: 'custom', from: dayOffset(-DAYS + 1), to: dayOffset(0), groupBy } },
        ),
      RUNS,
    );
    report(`summary (rollup), 90 days by ${groupBy}`, samples);
  }
  const month = await time(() => getUsageSummary({ orm }, { actor, query: { range: 'month', groupBy: 'day' } }), RUNS);
  report('summary (rollup), this month by day', month);
  const raw = await time(
    () =>
      inScope(orm, { tenantId }, (em) =>
        em.execute(
          `select (occurred_at at time zone 'UTC')::date as day, kind, sum(quantity) from usage_events
           where tenant_id = ? and occurred_at >= now() - interval '90 days' group by 1, 2`,
          [tenantId],
        ),
      ),
    10,
  );
  report('same totals from raw events', raw);
  await stack.stop();

  async function ensureDataset(): Promise<string[]> {
    const existing = await inScope(orm, { system: 'bench' }, (em) =>
      em.find(Tenant, { slug: { $like: 'bench-usage-%' } }, { orderBy: { slug: 'asc' } }),
    );
    const counted = await inScope(orm, { system: 'bench' }, (em) =>
      em.execute<{ count: string }[]>(`select count(*) from usage_events`),
    );
    if (existing.length === TENANTS && Number(counted[0]?.count ?? 0) >= EVENTS)
      return existing.map((tenant) => tenant.id);
    console.log(`loading ${EVENTS.toLocaleString('en')} usage events (once; kept in .data/bench-postgres)…`);
    const loadStarted = Date.now();
    const ids = await inScope(orm, { system: 'bench' }, async (em) => {
      await em.execute('truncate usage_events, usage_daily');
      const created = Array.from({ length: TENANTS }, (_, n) =>
        em.create(Tenant, {
          name: `Bench usage ${n}`,
          slug: `bench-usage-${String(n).padStart(2, '0')}-${Date.now()}`,
          status: 'active',
          contactEmail: 'b@example.test',
          verifiedAt: new Date(),
        }),
      );
      await em.flush();
      return created.map((tenant) => tenant.id);
    });
    // Bulk load with the rollup trigger off, then build the rollup in one statement: the state the trigger keeps.
    const chunk = 1_000_000;
    for (let offset = 0; offset < EVENTS; offset += chunk) {
      await inScope(orm, { system: 'bench' }, async (em) => {
        await em.execute('alter table usage_events disable trigger usage_events_rollup');
        await em.execute(
          `insert into usage_events (id, tenant_id, bot_id, kind, quantity, occurred_at, idempotency_key, source, call_sid)
           select gen_random_uuid(), (?::uuid[])[1 + n % ${TENANTS}], null,
                  (array['call_started','minutes','stt_requests','tts_chars','gpt_tokens'])[1 + (n / ${TENANTS}) % 5],
                  1 + n % 7, now() - ((n % (${DAYS} * 1440)) || ' minutes')::interval, 'bench:' || n, 'bench', null
           from generate_series(?::bigint, ?::bigint) as n`,
          [`{${ids.join(',')}}`, offset, Math.min(EVENTS, offset + chunk) - 1],
        );
        await em.execute('alter table usage_events enable trigger usage_events_rollup');
      });
      process.stdout.write(`  ${Math.min(EVENTS, offset + chunk).toLocaleString('en')} rows\r`);
    }
    await inScope(orm, { system: 'bench' }, (em) =>
      em.execute(
        `insert into usage_daily (tenant_id, bot_id, day, kind, quantity, events)
         select tenant_id, coalesce(bot_id, '00000000-0000-0000-0000-000000000000'), (occurred_at at time zone 'UTC')::date, kind, sum(quantity), count(*)
         from usage_events group by 1, 2, 3, 4`,
      ),
    );
    await inScope(orm, { system: 'bench' }, (em) => em.execute('analyze usage_events; analyze usage_daily'));
    console.log(`\nloaded in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s`);
    return ids;
  }
}

const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
