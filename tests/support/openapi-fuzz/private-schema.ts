import { createOrm } from '../../../db/orm';
import { seed } from '../../../domain/seed';
import { testDatabaseUrl } from '../harness';
import { openPrivateSchema, type PrivateSchema } from '../private-schema';

export const FUZZ_ADMIN = { email: 'fuzz-admin@test.voiceplane.local', password: 'Fuzz-Admin-Password-123!' };
export const DEMO_PASSWORD = 'fuzz-demo-password-1';

/**
 * A private schema (../private-schema.ts), migrated and seeded with the demo tenant, so a "nothing changed" check
 * over whole tables holds while other suites write to the shared schema in parallel.
 */
export async function openSeededSchema(): Promise<PrivateSchema> {
  const schema = await openPrivateSchema('fuzz');
  const orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
  try {
    await orm.migrator.up({ schema: schema.name });
    await seed(orm, {
      adminEmail: FUZZ_ADMIN.email,
      adminPassword: FUZZ_ADMIN.password,
      demo: { password: DEMO_PASSWORD },
    });
  } finally {
    await orm.close();
  }
  return schema;
}
