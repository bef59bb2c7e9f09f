import type { ConversationSyncStarted } from '../../contracts/integration-sync';
import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { notFound } from '../errors/app-error';
import { ownTenantOf } from '../auth/tenant-to-read';
import type { ConversationSyncs } from './sync-port';

/**
 * "Sync now": the tenant's own admin starts a sync at once (a run already under way is joined). It runs whatever
 * the key's last test said, since the admin may just have fixed the key on ElevenLabs' side.
 */
export async function requestSync(
  deps: { orm: Orm; syncs: ConversationSyncs },
  { actor }: { actor: Actor },
): Promise<ConversationSyncStarted> {
  const tenantId = ownTenantOf(actor, 'integrations:manage');
  const exists = await inScope(deps.orm, { tenantId }, (em) =>
    em.count(Integration, { tenantId, provider: 'elevenlabs' }),
  );
  if (!exists) throw notFound('ElevenLabs integration');
  return deps.syncs.syncNow(tenantId);
}
