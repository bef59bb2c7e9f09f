import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';

/** What the tenant's integration records about its syncs; null when it has none. */
export interface SyncState {
  lastSyncedAt: string | null;
  lastFound: number;
  lastError: string | null;
}

export async function readSyncState(deps: { orm: Orm }, { tenantId }: { tenantId: string }): Promise<SyncState | null> {
  const integration = await inScope(deps.orm, { tenantId }, (em) =>
    em.findOne(
      Integration,
      { tenantId, provider: 'elevenlabs' },
      { fields: ['lastSyncedAt', 'lastSyncFound', 'lastSyncError'] },
    ),
  );
  return (
    integration && {
      lastSyncedAt: integration.lastSyncedAt?.toISOString() ?? null,
      lastFound: integration.lastSyncFound,
      lastError: integration.lastSyncError ?? null,
    }
  );
}
