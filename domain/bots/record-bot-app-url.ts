import type { BotStatus } from '../../contracts/bot-status';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { botMediaStreamUrl } from '../telephony/bot-media-stream-url';
import { findBot } from './find-bot';

/** The statuses in which a bot runs its app; `failed` and `deprovisioned` clear the URL with the app. */
const RUNS_APP: readonly BotStatus[] = ['provisioning', 'ready'];

/**
 * Stores the web URL of the app a bot runs (Heroku's `web_url`), where the voice webhook's TwiML streams its calls.
 * Provisioning records it before the bot becomes ready; `npm run bots:backfill-app-urls` for bots made before. Not
 * a status change; audited as the system that learned it. Recording the URL the bot already has changes nothing.
 */
export async function recordBotAppUrl(
  deps: { orm: Orm },
  { actor, botId, appName, appUrl }: { actor: SystemActor; botId: string; appName: string; appUrl: string },
): Promise<'recorded' | 'unchanged'> {
  try {
    botMediaStreamUrl(appUrl);
  } catch {
    throw new AppError('bad_request', `The app ${appName} reported an unusable web URL`);
  }
  return inScope(deps.orm, actor, async (em) => {
    const bot = await findBot(em, botId, { lock: true });
    if (!RUNS_APP.includes(bot.status)) {
      throw new AppError('conflict', `Bot is ${bot.status}; only a provisioning or ready bot runs an app`);
    }
    if (bot.herokuAppName !== null && bot.herokuAppName !== appName) {
      throw new AppError('conflict', `Bot runs the app ${bot.herokuAppName}, not ${appName}`);
    }
    if (bot.appUrl === appUrl) return 'unchanged';
    recordAudit(em, {
      actor,
      action: 'bot.app_url_recorded',
      targetType: 'bot',
      targetId: bot.id,
      tenantId: bot.tenantId,
      details: { appName, appUrl, previousAppUrl: bot.appUrl ?? null },
    });
    bot.appUrl = appUrl;
    await em.flush();
    return 'recorded';
  });
}
