import pg from 'pg';
import { createHarness, testDatabaseUrl, type Harness } from './support/harness';

/**
 * Seed 003's schema baseline (S1, re-measured in S7.2), read from PostgreSQL's own catalog after every migration:
 * every table that carries `tenant_id` has row-level security enabled and forced with at least one policy, and
 * `tenant_id` is NOT NULL except where a row may belong to no tenant, each for the reason written here. A new
 * table or a nullable `tenant_id` that is not on this list fails the suite.
 */
const NULLABLE_TENANT_ID: Record<string, string> = {
  users: 'platform staff belong to no tenant',
  refresh_sessions: 'sessions of platform staff',
  email_outbox: 'mail of the platform itself (staff invitations, alerts)',
  webhook_events: 'a provider event whose tenant is not known yet, or never (an unknown account)',
  audit_log: 'platform actions, and records that outlive an offboarded tenant without its rows',
};

interface TenantColumn {
  table: string;
  nullable: boolean;
  rlsEnabled: boolean;
  rlsForced: boolean;
  policies: number;
}

describe('tenant schema audit (seed 003 S1/S7.2)', () => {
  let h: Harness;
  let client: pg.Client;
  let columns: TenantColumn[];
  beforeAll(async () => {
    h = await createHarness();
    client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    const { rows } = await client.query<TenantColumn>(`
      select c.relname as "table",
             not a.attnotnull as "nullable",
             c.relrowsecurity as "rlsEnabled",
             c.relforcerowsecurity as "rlsForced",
             (select count(*)::int from pg_policy p where p.polrelid = c.oid) as "policies"
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attname = 'tenant_id' and not a.attisdropped
       order by c.relname`);
    columns = rows;
  });
  afterAll(async () => {
    await client.end();
    await h.close();
  });

  it('finds the tenant-owned tables (so the checks below have something to check)', () => {
    expect(columns.length).toBeGreaterThan(20);
    expect(columns.map((column) => column.table)).toEqual(
      expect.arrayContaining(['bots', 'call_logs', 'invoices', 'usage_events', 'tenant_branding', 'prompt_configs']),
    );
  });

  it('enables and forces row-level security, with a policy, on every table that carries tenant_id', () => {
    const unguarded = columns.filter((column) => !column.rlsEnabled || !column.rlsForced || column.policies === 0);
    expect(unguarded).toEqual([]);
  });

  it('has every policy read the tenant settings once per statement (a sub-select), never once per row', async () => {
    const { rows } = await client.query<{ policy: string; expression: string }>(`
      select tablename || '.' || policyname as policy, coalesce(qual, '') || ' ' || coalesce(with_check, '') as expression
        from pg_policies where schemaname = 'public'`);
    const readsSettings = rows.filter((row) => /app_(bypass_rls|current_tenant)\(\)/.test(row.expression));
    expect(readsSettings.length).toBeGreaterThan(20);
    const perRow = readsSettings.filter((row) =>
      /app_(bypass_rls|current_tenant)\(\)/.test(row.expression.replace(/SELECT app_\w+\(\) AS app_\w+/g, '')),
    );
    expect(perRow).toEqual([]);
  });

  it('keeps tenant_id NOT NULL everywhere but the tables that may hold rows of no tenant', () => {
    const nullable = columns.filter((column) => column.nullable).map((column) => column.table);
    expect(nullable.sort()).toEqual(Object.keys(NULLABLE_TENANT_ID).sort());
  });
});
