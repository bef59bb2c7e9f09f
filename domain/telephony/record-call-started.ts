import { CallLog } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { insertUsageOnce } from '../usage/insert-usage-once';
import { callUsageKey } from '../usage/usage-keys';
import type { CallStart } from './call-status';

/**
 * A call's workflow began: its call log is created `in-progress` (Twilio connected it) and `call_started` is
 * metered, both once per call sid, so a repeated activity changes nothing.
 */
export async function recordCallStarted(
  deps: { orm: Orm },
  { actor, call }: { actor: SystemActor; call: CallStart },
): Promise<void> {
  const startedAt = new Date(call.startedAt);
  await inScope(deps.orm, actor, async (em) => {
    await em.upsert(
      CallLog,
      {
        tenantId: call.tenantId,
        botId: call.botId,
        provider: 'twilio',
        externalCallId: call.callSid,
        fromNumber: call.from,
        toNumber: call.to,
        status: 'in-progress',
        startedAt,
      },
      { onConflictFields: ['provider', 'externalCallId'], onConflictAction: 'ignore' },
    );
    await insertUsageOnce(em, {
      tenantId: call.tenantId,
      botId: call.botId,
      kind: 'call_started',
      quantity: 1,
      occurredAt: startedAt,
      idempotencyKey: callUsageKey(call.callSid, 'call_started'),
      source: 'twilio',
      callSid: call.callSid,
    });
  });
}
