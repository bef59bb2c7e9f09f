import type { ConversationSyncStatus } from '../../contracts/integration-sync';
import type { Orm } from '../../db/orm';
import type { Actor } from '../auth/actor';
import { notFound } from '../errors/app-error';
import { tenantToRead } from '../auth/tenant-to-read';
import { readSyncState } from './read-sync-state';
import type { ConversationSyncs } from './sync-port';

/** The tenant's conversation sync: last and next run, what it found, its error, the run under way. */
export async function getSyncStatus(
  deps: { orm: Orm; syncs: ConversationSyncs },
  { actor, tenantId }: { actor: Actor; tenantId?: string },
): Promise<ConversationSyncStatus> {
  const target = tenantToRead(actor, tenantId, 'integrations:read');
  const state = await readSyncState(deps, { tenantId: target });
  if (!state) throw notFound('ElevenLabs integration');
  return { ...state, ...(await deps.syncs.status(target)) };
}
