import { randomUUID } from 'node:crypto';
import type { ScopedEm } from '../../db/scope';
import type { UsageKind } from '../../contracts/usage-kind';

/**
 * Inserts a usage event once: its idempotency key makes retries and replays no-ops (and skips the rollup).
 * One statement: an ORM upsert with "ignore" reads the row back afterwards, a round trip nobody uses, on the
 * metering path every call takes.
 */
export async function insertUsageOnce(
  em: ScopedEm,
  event: {
    tenantId: string;
    botId: string | null;
    kind: UsageKind;
    quantity: number;
    occurredAt: Date;
    idempotencyKey: string;
    source: string;
    callSid: string | null;
  },
): Promise<void> {
  await em.execute(
    `insert into usage_events (id, tenant_id, bot_id, kind, quantity, occurred_at, idempotency_key, source, call_sid)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (idempotency_key) do nothing`,
    [
      randomUUID(),
      event.tenantId,
      event.botId,
      event.kind,
      event.quantity,
      event.occurredAt,
      event.idempotencyKey,
      event.source,
      event.callSid,
    ],
  );
}
