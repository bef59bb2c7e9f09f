import { AuditLog } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import type { Actor } from '../auth/actor';

/** Appends to the audit trail inside the caller's transaction, so the record and the change commit together. */
export function recordAudit(
  em: ScopedEm,
  entry: {
    actor: Actor | null;
    action: string;
    targetType: string;
    targetId?: string;
    tenantId?: string | null;
    details?: Record<string, unknown>;
  },
): void {
  em.create(AuditLog, {
    tenantId: entry.tenantId ?? entry.actor?.tenantId ?? null,
    actorUserId: entry.actor?.userId ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}
