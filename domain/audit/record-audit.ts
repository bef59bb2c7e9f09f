import { AuditLog } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { isSystemActor, type Actor, type SystemActor } from '../auth/actor';

/**
 * Appends to the audit trail inside the caller's transaction, so the record and the change commit together.
 * A system actor (a worker) has no user or role; its name is kept in the details as `system`.
 */
export function recordAudit(
  em: ScopedEm,
  entry: {
    actor: Actor | SystemActor | null;
    action: string;
    targetType: string;
    targetId?: string;
    tenantId?: string | null;
    details?: Record<string, unknown>;
  },
): void {
  const user = isSystemActor(entry.actor) ? null : entry.actor;
  em.create(AuditLog, {
    tenantId: entry.tenantId ?? user?.tenantId ?? null,
    actorUserId: user?.userId ?? null,
    actorRole: user?.role ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: isSystemActor(entry.actor) ? { ...entry.details, system: entry.actor.system } : (entry.details ?? {}),
  });
}

/** What a lifecycle table returns for one validated status change (`transitionBot`, `transitionJob`, …). */
export interface TransitionAudit {
  action: string;
  targetType: string;
  targetId: string;
  tenantId: string | null;
  details: Record<string, unknown>;
}

/** Audits one status change a lifecycle table allowed, with any details the caller adds. */
export const recordTransitionAudit = (
  em: ScopedEm,
  actor: Actor | SystemActor | null,
  record: TransitionAudit,
  details: Record<string, unknown> = {},
): void =>
  recordAudit(em, {
    actor,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    tenantId: record.tenantId,
    details: { ...record.details, ...details },
  });
