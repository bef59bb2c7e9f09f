import type { BotRole } from '../../contracts/bot-role';
import type { PromptPreview, PromptSettings } from '../../contracts/prompt-config';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { tenantToRead } from '../auth/tenant-to-read';
import { buildBotPrompt } from './build-bot-prompt';
import { readPromptSettings } from './read-prompt-settings';

const previewOf = (settings: PromptSettings, role: BotRole): PromptPreview => ({
  role,
  locale: settings.locale,
  ...buildBotPrompt(settings, role),
});

/** What a bot of the role is given from the tenant's settings as saved (or its defaults). */
export async function previewPrompt(
  deps: { orm: Orm },
  { actor, tenantId, role }: { actor: Actor; tenantId?: string; role: BotRole },
): Promise<PromptPreview> {
  const target = tenantToRead(actor, tenantId, 'prompts:read');
  const { settings } = await inScope(deps.orm, scopeOf(actor), (em) => readPromptSettings(em, target));
  return previewOf(settings, role);
}

/** What a bot of the role would be given from settings still being edited; nothing is read or saved. */
export function previewDraftPrompt({
  actor,
  role,
  settings,
}: {
  actor: Actor;
  role: BotRole;
  settings: PromptSettings;
}): PromptPreview {
  assertCan(actor, 'prompts:read');
  return previewOf(settings, role);
}
