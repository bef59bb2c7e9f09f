import type { PromptConfigView } from '../../contracts/prompt-config';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { tenantToRead } from '../auth/tenant-to-read';
import { toPromptConfigView } from './prompt-config-view';
import { readPromptSettings } from './read-prompt-settings';

/** The tenant's prompt settings (customers: their own; platform staff: the tenant they name), defaults if unsaved. */
export async function getPromptConfig(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: Actor; tenantId?: string },
): Promise<PromptConfigView> {
  const target = tenantToRead(actor, tenantId, 'prompts:read');
  const stored = await inScope(deps.orm, scopeOf(actor), (em) => readPromptSettings(em, target));
  return toPromptConfigView(target, stored);
}
