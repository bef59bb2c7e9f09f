import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';

/**
 * Deletes delivered inbox rows older than `olderThan`, at most `limit` per call (short transactions; the relay
 * calls again while a full batch came back). Failed rows stay until someone replays them or looks, and pending
 * rows are never touched: only what reached its workflow is history the workflow itself keeps.
 */
export async function pruneDeliveredEvents(
  deps: { orm: Orm; relayGroup: string },
  { olderThan, limit }: { olderThan: Date; limit: number },
): Promise<number> {
  const rows = await inScope(deps.orm, { system: 'webhook-inbox-retention' }, (em) =>
    em.execute<{ id: string }[]>(
      `delete from webhook_events
        where id in (select id from webhook_events
                      where relay_group = ? and status = 'delivered' and delivered_at < ?
                      limit ?)
        returning id`,
      [deps.relayGroup, olderThan, limit],
    ),
  );
  return rows.length;
}
