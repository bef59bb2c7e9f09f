import { LockMode } from '@mikro-orm/core';
import { CallLog } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { applyCallTransition } from './record-call-transition';

/**
 * Marks a call whose metering failed for good, so it shows up for review instead of vanishing (audited, with the
 * reason). 'absent' when its call log was never written (the start itself failed).
 */
export async function flagCallMeteringFailed(
  deps: { orm: Orm },
  { actor, callSid, reason }: { actor: SystemActor; callSid: string; reason: string },
): Promise<'changed' | 'unchanged' | 'absent'> {
  return inScope(deps.orm, actor, async (em) => {
    const log = await em.findOne(
      CallLog,
      { provider: 'twilio', externalCallId: callSid },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!log) return 'absent';
    const outcome = applyCallTransition(em, actor, log, { to: 'metering_failed', cause: 'metering_failed', reason });
    await em.flush();
    return outcome;
  });
}
