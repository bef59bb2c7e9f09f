import { Integration } from '../../db/entities';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { AppError, notFound } from '../errors/app-error';
import type { ElevenLabsDeps } from './elevenlabs-deps';
import { ownTenantOf } from '../auth/tenant-to-read';

/**
 * Removes the tenant's ElevenLabs integration, its sealed key and, by cascade, its registered agents; call logs
 * stay (their agent link is cleared). The sync schedule goes first: should removing the row fail after, the next
 * save or test creates the schedule again, whereas a schedule left behind would run on a key that is gone.
 */
export async function deleteIntegration(deps: ElevenLabsDeps, { actor }: { actor: Actor }): Promise<void> {
  const tenantId = ownTenantOf(actor, 'integrations:manage');
  const exists = await inScope(deps.orm, { tenantId }, (em) =>
    em.count(Integration, { tenantId, provider: 'elevenlabs' }),
  );
  if (!exists) throw notFound('ElevenLabs integration');
  try {
    await deps.elevenLabs?.syncs.remove(tenantId);
  } catch (error) {
    throw new AppError('unavailable', 'The conversation sync could not be stopped just now; try again shortly', {
      cause: error,
    });
  }
  await inScope(deps.orm, { tenantId }, async (em) => {
    const integration = await em.findOne(Integration, { tenantId, provider: 'elevenlabs' });
    if (!integration) throw notFound('ElevenLabs integration');
    recordAudit(em, {
      actor,
      action: 'integration.deleted',
      targetType: 'integration',
      targetId: integration.id,
      details: { provider: 'elevenlabs' },
    });
    em.remove(integration);
    await em.flush();
  });
}
