import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createOrm } from '../../../db/orm';
import { seed } from '../../../domain/seed';
import { testDatabaseUrl } from '../harness';

export const FUZZ_ADMIN = { email: 'fuzz-admin@test.voiceplane.local', password: 'Fuzz-Admin-Password-123!' };
export const DEMO_PASSWORD = 'fuzz-demo-password-1';

export interface PrivateSchema {
  name: string;
  drop(): Promise<void>;
}

/**
 * A schema of its own in the test database, migrated and seeded with the demo tenant, so a "nothing changed"
 * check over whole tables holds while other suites write to the shared schema in parallel. Every connection
 * this test process opens from now on lands in it: node-postgres reads PGOPTIONS (search_path) per connection.
 */
export async function openPrivateSchema(): Promise<PrivateSchema> {
  const name = `fuzz_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`create schema ${name}`);
  const previousOptions = process.env.PGOPTIONS;
  process.env.PGOPTIONS = `-c search_path=${name}`;

  const orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
  try {
    // The migrator keeps its own table in `public` unless told the schema.
    await orm.migrator.up({ schema: name });
    await seed(orm, {
      adminEmail: FUZZ_ADMIN.email,
      adminPassword: FUZZ_ADMIN.password,
      demo: { password: DEMO_PASSWORD, currency: 'EUR' },
    });
  } finally {
    await orm.close();
  }

  return {
    name,
    async drop() {
      if (previousOptions === undefined) delete process.env.PGOPTIONS;
      else process.env.PGOPTIONS = previousOptions;
      await admin.query(`drop schema ${name} cascade`);
      await admin.end();
    },
  };
}
