import type { PromptConfigView, PromptSettings } from '../../contracts/prompt-config';
import { PromptConfig } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { tenantToRead } from '../auth/tenant-to-read';
import { AppError } from '../errors/app-error';
import { lockTenant } from '../tenants/lock-tenant';
import { toPromptConfigView } from './prompt-config-view';
import type { PromptRollouts } from './prompt-rollout-port';
import { readPromptSettings } from './read-prompt-settings';

/**
 * Replaces the tenant's prompt settings (its own admin, or platform staff naming it) as a new version, audited with
 * the names of the settings that changed, and starts the rollout of that version to the tenant's ready bots. The
 * rollout is started inside the transaction, so a start that fails saves nothing; it waits until it sees its
 * version committed.
 */
export async function savePromptConfig(
  deps: { orm: Orm; promptRollouts?: PromptRollouts },
  { actor, tenantId, settings }: { actor: Actor; tenantId?: string; settings: PromptSettings },
): Promise<PromptConfigView> {
  const target = tenantToRead(actor, tenantId, 'prompts:configure');
  const stored = await inScope(deps.orm, scopeOf(actor), async (em) => {
    // Saves of one tenant run one after the other, so versions count up without gaps or clashes.
    await lockTenant(em, target);
    // Only the row is compared: before a first save every setting counts as changed (no defaults needed).
    const row = await em.findOne(PromptConfig, { tenantId: target });
    const changed = (Object.keys(settings) as Array<keyof PromptSettings>).filter(
      (key) => !row || row[key] !== settings[key],
    );
    const version = (row?.version ?? 0) + 1;
    if (row) em.assign(row, { ...settings, version });
    else em.create(PromptConfig, { tenantId: target, ...settings, version });
    recordAudit(em, {
      actor,
      action: 'prompt_config.updated',
      targetType: 'prompt_config',
      targetId: target,
      tenantId: target,
      details: { version, changed },
    });
    await em.flush();
    if (!deps.promptRollouts) throw new AppError('unavailable', 'Prompt rollouts are not wired in this process');
    await deps.promptRollouts.startRollout({ tenantId: target, version });
    return readPromptSettings(em, target);
  });
  return toPromptConfigView(target, stored);
}
