import type { ConversationSyncStatus } from '../../contracts/integration-sync';
import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { notFound } from '../errors/app-error';
import { tenantToRead } from '../integrations/tenant-to-read';
import type { ConversationSyncs } from './sync-port';

/** The tenant's conversation sync: last and next run, what it found, its error, the run under way. */
export async function getSyncStatus(
  deps: { orm: Orm; syncs: ConversationSyncs },
  { actor, tenantId }: { actor: Actor; tenantId?: string },
): Promise<ConversationSyncStatus> {
  const target = tenantToRead(actor, tenantId, 'integrations:read');
  const exists = await inScope(deps.orm, scopeOf(actor), (em) =>
    em.count(Integration, { tenantId: target, provider: 'elevenlabs' }),
  );
  if (!exists) throw notFound('ElevenLabs integration');
  return deps.syncs.status(target);
}
