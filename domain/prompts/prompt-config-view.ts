import type { PromptConfigView } from '../../contracts/prompt-config';
import type { StoredPromptSettings } from './read-prompt-settings';

export const toPromptConfigView = (tenantId: string, stored: StoredPromptSettings): PromptConfigView => ({
  tenantId,
  settings: stored.settings,
  saved: stored.saved,
  version: stored.version,
  updatedAt: stored.updatedAt?.toISOString() ?? null,
});
