import { Bot } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { recordBotAppUrl } from './record-bot-app-url';

/** The slice of the Heroku adapter the backfill needs: an app's web URL by name, null when there is no such app. */
export interface BotAppDirectory {
  findApp(appName: string): Promise<{ webUrl: string } | null>;
}

export interface BackfilledBot {
  botId: string;
  tenantId: string;
  appName: string;
  outcome: 'recorded' | 'unchanged' | 'app_missing' | 'failed';
  appUrl?: string;
  error?: string;
}

const actor: SystemActor = { system: 'backfill-bot-app-urls' };

/**
 * Bots that became ready before provisioning recorded their app's URL take no calls (resolve-call-route.ts). This
 * asks Heroku for each one's app and stores its web URL through the same use case provisioning uses. A bot that now
 * has its URL is not listed again, so a second run changes nothing. One bot's failure does not stop the others.
 */
export async function backfillBotAppUrls(deps: { orm: Orm; apps: BotAppDirectory }): Promise<BackfilledBot[]> {
  const bots = await inScope(deps.orm, actor, (em) =>
    em.find(
      Bot,
      { status: 'ready', appUrl: null, herokuAppName: { $ne: null } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    ),
  );
  const results: BackfilledBot[] = [];
  for (const bot of bots) {
    const base = { botId: bot.id, tenantId: bot.tenantId, appName: bot.herokuAppName! };
    try {
      const app = await deps.apps.findApp(base.appName);
      if (!app) {
        results.push({ ...base, outcome: 'app_missing' });
        continue;
      }
      const outcome = await recordBotAppUrl(deps, { actor, botId: bot.id, appName: base.appName, appUrl: app.webUrl });
      results.push({ ...base, outcome, appUrl: app.webUrl });
    } catch (error) {
      results.push({ ...base, outcome: 'failed', error: (error as Error).message });
    }
  }
  return results;
}
