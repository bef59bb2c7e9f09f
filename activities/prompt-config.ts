import type { Orm } from '../db/orm';
import type { SystemActor } from '../domain/auth/actor';
import { botPromptVars } from '../domain/prompts/bot-prompt-vars';
import { listPromptTargets } from '../domain/prompts/list-prompt-targets';
import type { HerokuPlatform } from './adapters/heroku-platform';
import { domainCall } from './domain-failure';
import { providerCall } from './provider-failure';

export interface PromptConfigActivityDeps {
  orm: Orm;
  heroku: HerokuPlatform;
}

const actor: SystemActor = { system: 'prompt-config-worker' };

/**
 * The side effects of `applyPromptConfig`: which bots run an app, and setting one bot's prompt config vars from its
 * tenant's current settings. Setting the same vars again changes nothing, so every retry is harmless.
 */
export function createPromptConfigActivities(deps: PromptConfigActivityDeps) {
  return {
    /** Retried until the saved version has committed (the API starts the rollout inside its transaction). */
    async listPromptTargets(input: { tenantId: string; atLeastVersion: number }) {
      const targets = await domainCall(() => listPromptTargets(deps, { actor, tenantId: input.tenantId }));
      if (targets.version < input.atLeastVersion) {
        throw new Error(`Prompt settings version ${input.atLeastVersion} is not committed yet`);
      }
      return targets;
    },

    /**
     * The version applied, or null when the bot runs no app (deprovisioned or failed meanwhile, or its app is not
     * created yet: provisioning then sets the vars it reads at its config step).
     */
    async applyBotPrompt(input: { botId: string }): Promise<number | null> {
      const bot = await domainCall(() => botPromptVars(deps, { actor, botId: input.botId }), {
        notFound: 'BotNotFound',
      });
      const appName = bot.appName;
      if (!appName || (bot.status !== 'ready' && bot.status !== 'provisioning')) return null;
      if (bot.status === 'provisioning' && !(await providerCall(() => deps.heroku.findApp(appName)))) return null;
      await providerCall(() => deps.heroku.setConfigVars(appName, bot.vars));
      return bot.version;
    },
  };
}

export type PromptConfigActivities = ReturnType<typeof createPromptConfigActivities>;
