import type { CallLogStatus } from '../../contracts/call-status';
import type { CallLog } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { transitionCall, type CallTransitionCause } from './call-log-lifecycle';

/**
 * The one place a call log's status is written, inside the caller's transaction: a stale or repeated status
 * changes nothing ('unchanged'); `metering_failed` is audited with its reason. The caller flushes.
 */
export function applyCallTransition(
  em: ScopedEm,
  actor: SystemActor,
  call: CallLog,
  change: { to: CallLogStatus; cause: CallTransitionCause; reason?: string },
): 'changed' | 'unchanged' {
  const transition = transitionCall(call.status, change.to, change.cause);
  if (transition.change === 'ignore') return 'unchanged';
  call.status = transition.status;
  if (transition.audited) {
    recordAudit(em, {
      actor,
      tenantId: call.tenantId,
      action: 'call.transition',
      targetType: 'call',
      targetId: call.id,
      details: { ...transition.details, callSid: call.externalCallId, reason: change.reason },
    });
  }
  return 'changed';
}
