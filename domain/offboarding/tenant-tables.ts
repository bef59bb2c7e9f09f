import type { ScopedEm } from '../../db/scope';

/**
 * Tables that keep rows of a tenant after its offboarding, on purpose: the run record and the export kept for its
 * retention period (neither holds a foreign key to tenants), and the audit trail, whose rows of the tenant are
 * deleted separately (purge-tenant-rows.ts) so the records without a tenant stay.
 */
export const OUTLIVE_TENANT = ['offboarding_runs', 'tenant_exports', 'audit_log', 'tenants'] as const;

/**
 * Every table with a `tenant_id` column, read from the catalog (so a table added later is included without a
 * change here), ordered so that a table comes before every table it references: deleting in this order never
 * trips a foreign key, whatever its `on delete` rule.
 */
export async function tenantTablesInDeleteOrder(em: ScopedEm): Promise<string[]> {
  const tables = (
    await em.execute<{ name: string }[]>(
      `select c.table_name as name
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
        order by c.table_name`,
    )
  )
    .map((row) => row.name)
    .filter((name) => !(OUTLIVE_TENANT as readonly string[]).includes(name));
  const references = await em.execute<{ child: string; parent: string }[]>(
    `select child.relname as child, parent.relname as parent
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace n on n.oid = child.relnamespace
      where k.contype = 'f' and n.nspname = current_schema() and k.conrelid <> k.confrelid`,
  );
  return childrenFirst(tables, references);
}

/**
 * Orders tables so each comes before those it references. A cycle (none today) ends the walk instead of looping:
 * its tables are all kept, in no promised order.
 */
export function childrenFirst(tables: string[], references: { child: string; parent: string }[]): string[] {
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    // Everything that references this table goes first.
    for (const { child } of references.filter((reference) => reference.parent === table)) {
      if (tables.includes(child)) visit(child);
    }
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}
