import type { BotRole } from '../../contracts/bot-role';
import type { PromptSettings } from '../../contracts/prompt-config';
import { buildPrompt } from './prompt-builder';
import { languageOf, PROMPT_PLACEHOLDERS, promptValues } from './prompt-values';
import { TEMPLATES_BY_ROLE } from './templates';

export interface BuiltPrompt {
  greeting: string;
  prompt: string;
}

/** A bot's greeting and system prompt: its role's template in the tenant's language, filled from its settings. */
export function buildBotPrompt(settings: PromptSettings, role: BotRole): BuiltPrompt {
  const template = TEMPLATES_BY_ROLE[role][languageOf(settings.locale)];
  const values = promptValues(settings);
  return {
    greeting: buildPrompt(template.greeting, values, PROMPT_PLACEHOLDERS),
    prompt: buildPrompt(template.prompt, values, PROMPT_PLACEHOLDERS),
  };
}

/** The config vars a bot app reads its prompt from (set at provisioning and by the `applyPromptConfig` rollout). */
export const promptConfigVars = (built: BuiltPrompt, role: BotRole, version: number): Record<string, string> => ({
  BOT_ROLE: role,
  BOT_GREETING: built.greeting,
  BOT_PROMPT: built.prompt,
  BOT_PROMPT_VERSION: String(version),
});
