import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';

/**
 * Where a sync run starts listing: a little before the watermark (conversations that started in the same second
 * as the last one recorded), or `backfillMs` back on the first run. Null when the tenant has no integration.
 */
export async function startSyncRun(
  deps: { orm: Orm },
  {
    tenantId,
    overlapMs,
    backfillMs,
    now = new Date(),
  }: {
    tenantId: string;
    overlapMs: number;
    backfillMs: number;
    now?: Date;
  },
): Promise<{ after: string } | null> {
  const integration = await inScope(deps.orm, { tenantId }, (em) =>
    em.findOne(Integration, { tenantId, provider: 'elevenlabs' }, { fields: ['syncWatermark'] }),
  );
  if (!integration) return null;
  const after = integration.syncWatermark
    ? integration.syncWatermark.getTime() - overlapMs
    : now.getTime() - backfillMs;
  return { after: new Date(after).toISOString() };
}
