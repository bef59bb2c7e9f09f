import { loadRuntime } from '../config/runtime';
import { provideDatabase } from '../db/database-url';
import { createOrm, migrateToLatest } from '../db/orm';
import { DEMO_ADMIN_EMAIL, DEMO_USER_EMAIL, seed } from '../domain/seed';

async function main(): Promise<void> {
  const { env, secrets } = loadRuntime();
  const database = await provideDatabase(env);
  const orm = await createOrm(database.url);
  try {
    await migrateToLatest(orm);
    const demo = env.APP_ENV === 'production' ? null : { password: secrets.demoPassword };
    await seed(orm, { adminEmail: env.SEED_ADMIN_EMAIL, adminPassword: secrets.adminPassword, demo });
    console.log(`seeded platform admin ${env.SEED_ADMIN_EMAIL}`);
    if (demo) console.log(`seeded demo tenant "demo" with ${DEMO_ADMIN_EMAIL} and ${DEMO_USER_EMAIL}`);
  } finally {
    await orm.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error('seed failed:', error);
  process.exit(1);
});
