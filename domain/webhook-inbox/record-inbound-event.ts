import { createHash, randomUUID } from 'node:crypto';
import type { Orm } from '../../db/orm';
import { INBOX_CHANNEL } from './inbox-channel';
import type { InboundEvent } from './inbox-event';

/**
 * Writes an accepted webhook to the inbox under its tenant (row-level security checks it). Returns false for a
 * duplicate (same provider and dedupe key): nothing is written and the caller still acknowledges it. A new row
 * notifies its relay group on commit, so a relay in any process wakes at once.
 *
 * One round trip: `record_inbound_event` scopes its own statement's transaction to the tenant and inserts, so a
 * webhook waits on the database once before it is acknowledged (issue 9 §5).
 */
export async function recordInboundEvent(
  deps: { orm: Orm; relayGroup: string },
  event: InboundEvent,
): Promise<boolean> {
  const digest = createHash('sha256').update(new URLSearchParams(event.raw).toString()).digest('hex');
  const rows = await deps.orm.em
    .getConnection()
    .execute<{ recorded: boolean }[]>(`select record_inbound_event(?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) as recorded`, [
      randomUUID(),
      event.provider,
      event.dedupeKey,
      event.subjectKey,
      deps.relayGroup,
      event.tenantId,
      digest,
      JSON.stringify(event.delivery),
      INBOX_CHANNEL,
    ]);
  return rows[0]?.recorded === true;
}
