import { randomUUID } from 'node:crypto';
import type { ScopedEm } from '../../db/scope';
import type { UsageKind } from '../../contracts/usage-kind';

export interface UsageEventInsert {
  tenantId: string;
  botId: string | null;
  kind: UsageKind;
  quantity: number;
  occurredAt: Date;
  idempotencyKey: string;
  source: string;
  callSid: string | null;
}

/**
 * Inserts a usage event once: its idempotency key makes retries and replays no-ops (and skips the rollup).
 * One statement: an ORM upsert with "ignore" reads the row back afterwards, a round trip nobody uses, on the
 * metering path every call takes.
 */
export async function insertUsageOnce(em: ScopedEm, event: UsageEventInsert): Promise<void> {
  await insertUsagesOnce(em, [event]);
}

/** Several events once each in one statement: an ended call's minutes and counters cost one round trip, not four. */
export async function insertUsagesOnce(em: ScopedEm, events: readonly UsageEventInsert[]): Promise<void> {
  if (events.length === 0) return;
  await em.execute(
    `insert into usage_events (id, tenant_id, bot_id, kind, quantity, occurred_at, idempotency_key, source, call_sid)
     values ${events.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
     on conflict (idempotency_key) do nothing`,
    events.flatMap((event) => [
      randomUUID(),
      event.tenantId,
      event.botId,
      event.kind,
      event.quantity,
      event.occurredAt,
      event.idempotencyKey,
      event.source,
      event.callSid,
    ]),
  );
}
