import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import { keyFingerprint } from '../integrations/key-fingerprint';

export type SyncResult =
  | { outcome: 'synced'; watermark: string | null; found: number }
  | { outcome: 'failed'; watermark: string | null; found: number; error: string }
  /**
   * ElevenLabs refused the key: the integration is marked ERROR (and its schedule paused by the caller), unless it
   * holds another key by now than the one `keyFingerprint` names (runs recorded before it existed name none).
   */
  | { outcome: 'key_refused'; watermark: string | null; found: number; error: string; keyFingerprint?: string };

/**
 * Stores how a sync ended on the tenant's integration, for its page: when it last synced, what it found, its
 * error. The watermark only moves forward, so a slower run that ends last cannot set it back.
 */
export async function recordSyncResult(
  deps: { orm: Orm },
  { tenantId, result, now = new Date() }: { tenantId: string; result: SyncResult; now?: Date },
): Promise<void> {
  await inScope(deps.orm, { tenantId }, async (em) => {
    const integration = await em.findOne(Integration, { tenantId, provider: 'elevenlabs' });
    if (!integration) return;
    if (result.watermark && (!integration.syncWatermark || integration.syncWatermark < new Date(result.watermark))) {
      integration.syncWatermark = new Date(result.watermark);
    }
    if (result.outcome === 'synced') {
      em.assign(integration, { lastSyncedAt: now, lastSyncFound: result.found, lastSyncError: null });
    } else {
      integration.lastSyncError = result.error;
    }
    const refusedKeyHeld =
      result.outcome === 'key_refused' &&
      (!result.keyFingerprint || result.keyFingerprint === keyFingerprint(integration.secretCiphertext));
    if (refusedKeyHeld && integration.status !== 'error') {
      em.assign(integration, { status: 'error', lastError: result.error, lastCheckedAt: now });
      recordAudit(em, {
        actor: { system: 'elevenlabs-sync' },
        tenantId,
        action: 'integration.key_refused',
        targetType: 'integration',
        targetId: integration.id,
        details: { provider: 'elevenlabs', error: result.error },
      });
    }
    await em.flush();
  });
}
