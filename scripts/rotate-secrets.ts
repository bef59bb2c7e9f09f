import { loadRuntime } from '../config/runtime';
import { provideDatabase } from '../db/database-url';
import { createOrm } from '../db/orm';
import { resealSecrets } from '../domain/secrets/reseal-secrets';
import { secretBoxFromEnv } from '../domain/secrets/secret-box-from-env';

/**
 * `npm run secrets:rotate`: re-seals every tenant secret under the current SECRET_BOX_KEY (else SECRET_KEY); the
 * keys it replaces must still be listed in SECRET_BOX_PREVIOUS_KEYS. Prints counts and key ids, never a secret.
 */
async function main(): Promise<void> {
  const { env, secrets } = loadRuntime();
  const database = await provideDatabase(env);
  const orm = await createOrm(database.url);
  try {
    const report = await resealSecrets({ orm, secretBox: secretBoxFromEnv(env, secrets.secretKey) });
    console.log(
      `re-sealed ${report.valuesResealed} value(s) under key ${report.keyId} (${report.rowsExamined} integration(s) examined)`,
    );
    if (report.unreadable.length > 0) {
      for (const { integrationId, column } of report.unreadable) {
        console.error(
          `cannot open ${column} of integration ${integrationId}: its key is not in SECRET_BOX_PREVIOUS_KEYS`,
        );
      }
      process.exitCode = 1;
    }
  } finally {
    await orm.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error('secret rotation failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
