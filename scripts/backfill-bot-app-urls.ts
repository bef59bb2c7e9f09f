import { createHerokuPlatform } from '../activities/adapters/heroku-platform';
import { simulatorUrl } from '../config/env';
import { providerCredentials } from '../config/provider-mode';
import { loadRuntime } from '../config/runtime';
import { provideDatabase } from '../db/database-url';
import { createOrm } from '../db/orm';
import { backfillBotAppUrls } from '../domain/bots/backfill-bot-app-urls';

/**
 * `npm run bots:backfill-app-urls`: stores the app web URL of every ready bot provisioned before provisioning
 * recorded it (issue 13); until then such a bot's calls are refused. Asks Heroku (or the simulator, as the worker
 * would) for each app, prints what it changed, and changes nothing when run again. Exit code 1 if a bot is left.
 */
async function main(): Promise<void> {
  const { env } = loadRuntime();
  const database = await provideDatabase(env);
  const orm = await createOrm(database.url);
  try {
    const apps = createHerokuPlatform({
      ...providerCredentials(env).heroku,
      simulatorUrl: simulatorUrl(env),
      requestTimeoutMs: 20_000,
    });
    const results = await backfillBotAppUrls({ orm, apps });
    if (results.length === 0) console.log('every ready bot has its app URL: nothing to do');
    for (const result of results) {
      const bot = `bot ${result.botId} (tenant ${result.tenantId}, app ${result.appName})`;
      if (result.outcome === 'recorded') console.log(`${bot}: app URL set to ${result.appUrl}`);
      else if (result.outcome === 'unchanged') console.log(`${bot}: already had ${result.appUrl}`);
      else if (result.outcome === 'app_missing') console.error(`${bot}: Heroku has no such app; left without URL`);
      else console.error(`${bot}: failed: ${result.error}`);
    }
    if (results.some((result) => result.outcome === 'app_missing' || result.outcome === 'failed')) {
      process.exitCode = 1;
    }
  } finally {
    await orm.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error('backfill of bot app URLs failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
