import type { Orm } from '../../db/orm';
import { migrationsList } from '../../db/migrations';
import { inScope } from '../../db/scope';

/**
 * The migrations this code ships that the database has not applied, in order. Reads the migrator's table only
 * (never creates it, unlike the migrator's own look-up): a database that was never migrated lacks them all.
 */
export async function pendingMigrations(
  orm: Orm,
  table: string = orm.config.get('migrations').tableName ?? 'schema_migrations',
): Promise<string[]> {
  const applied = await inScope(orm, { system: 'health' }, async (em) => {
    const [found] = await em.execute<{ present: boolean }[]>(`select to_regclass(?) is not null as present`, [table]);
    if (!found?.present) return new Set<string>();
    const rows = await em.execute<{ name: string }[]>(`select name from ${quoteQualified(table)}`);
    return new Set(rows.map((row) => row.name));
  });
  return migrationsList.map((migration) => migration.name).filter((name) => !applied.has(name));
}

/** `schema_migrations` or `some_schema.schema_migrations`, each part quoted as an identifier. */
const quoteQualified = (table: string): string =>
  table
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
