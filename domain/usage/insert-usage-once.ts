import { UsageEvent } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import type { UsageKind } from '../../contracts/usage-kind';

/** Inserts a usage event once: its idempotency key makes retries and replays no-ops (and skips the rollup). */
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
  await em.upsert(UsageEvent, event, { onConflictFields: ['idempotencyKey'], onConflictAction: 'ignore' });
}
