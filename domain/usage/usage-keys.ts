import type { UsageKind } from '../../contracts/usage-kind';

/**
 * Deterministic idempotency keys: the same call and kind always produce the same key, and the unique index on
 * usage_events.idempotency_key turns every replay or retry into a no-op.
 */
export const callUsageKey = (callSid: string, kind: UsageKind): string => `twilio:${callSid}:${kind}`;
export const botReportKey = (botId: string, reportId: string): string => `bot:${botId}:${reportId}`;
