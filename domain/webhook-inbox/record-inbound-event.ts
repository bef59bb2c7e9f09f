import { createHash, randomUUID } from 'node:crypto';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { INBOX_CHANNEL } from './inbox-channel';
import type { InboundEvent } from './inbox-event';

/**
 * Writes an accepted webhook to the inbox under its tenant (row-level security checks it). Returns false for a
 * duplicate (same provider and dedupe key): nothing is written and the caller still acknowledges it. A new row
 * notifies its relay group on commit, so a relay in any process wakes at once.
 */
export async function recordInboundEvent(
  deps: { orm: Orm; relayGroup: string },
  event: InboundEvent,
): Promise<boolean> {
  const digest = createHash('sha256').update(new URLSearchParams(event.raw).toString()).digest('hex');
  const rows = await inScope(deps.orm, { tenantId: event.tenantId }, (em) =>
    em.execute<{ id: string }[]>(
      `with inserted as (
         insert into webhook_events
           (id, provider, dedupe_key, subject_key, relay_group, tenant_id, payload_sha256, payload)
         values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
         on conflict (provider, dedupe_key) do nothing
         returning id, relay_group)
       select id, pg_notify(?, relay_group) from inserted`,
      [
        randomUUID(),
        event.provider,
        event.dedupeKey,
        event.subjectKey,
        deps.relayGroup,
        event.tenantId,
        digest,
        JSON.stringify(event.delivery),
        INBOX_CHANNEL,
      ],
    ),
  );
  return rows.length > 0;
}
