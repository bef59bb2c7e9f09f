import type { BotStatus } from '../../contracts/bot-status';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { findBot } from '../bots/find-bot';
import { buildBotPrompt, promptConfigVars } from './build-bot-prompt';
import { readPromptSettings } from './read-prompt-settings';

export interface BotPromptVars {
  status: BotStatus;
  appName: string | null;
  /** The prompt settings' version the vars were built from (0: the tenant's defaults). */
  version: number;
  vars: Record<string, string>;
}

/** The prompt config vars of one bot, built from its tenant's current settings and its role (404 when it is gone). */
export async function botPromptVars(
  deps: { orm: Orm },
  { actor, botId }: { actor: SystemActor; botId: string },
): Promise<BotPromptVars> {
  return inScope(deps.orm, actor, async (em) => {
    const bot = await findBot(em, botId);
    const { settings, version } = await readPromptSettings(em, bot.tenantId);
    return {
      status: bot.status,
      appName: bot.herokuAppName ?? null,
      version,
      vars: promptConfigVars(buildBotPrompt(settings, bot.role), bot.role, version),
    };
  });
}
