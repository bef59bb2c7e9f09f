import { loadRuntime } from '../config/runtime';
import { roleBypassesRls } from '../db/check-role';
import { provideDatabase } from '../db/database-url';
import { createOrm, migrateToLatest } from '../db/orm';

async function main(): Promise<void> {
  const { env } = loadRuntime();
  const database = await provideDatabase(env);
  const orm = await createOrm(database.url);
  try {
    const applied = await migrateToLatest(orm);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database schema is up to date');
    const warning = await roleBypassesRls(orm);
    if (warning) console.warn(`warning: ${warning}`);
  } finally {
    await orm.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error('migration failed:', error);
  process.exit(1);
});
