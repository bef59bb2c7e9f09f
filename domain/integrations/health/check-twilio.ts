import type { IntegrationHealth } from '../../../contracts/integration-health';
import { Bot } from '../../../db/entities';
import type { Orm } from '../../../db/orm';
import { inScope } from '../../../db/scope';
import type { IntegrationProbes } from './integration-probes-port';
import { notConfigured, probeWithin } from './settle-check';

/**
 * Twilio: configured once a bot of the tenant holds a number on the platform's Twilio account; reachable when
 * Twilio answers for the newest of those numbers. `status` names the number checked.
 */
export async function checkTwilio(
  deps: { orm: Orm; probes: IntegrationProbes },
  { tenantId, timeoutMs }: { tenantId: string; timeoutMs: number },
): Promise<IntegrationHealth> {
  const bot = await inScope(deps.orm, { tenantId }, (em) =>
    em.findOne(
      Bot,
      { tenantId, twilioNumberSid: { $ne: null } },
      { orderBy: { updatedAt: 'desc' }, fields: ['twilioNumber', 'twilioNumberSid'] },
    ),
  );
  if (!bot?.twilioNumberSid) return notConfigured('twilio');
  const known = { name: 'twilio' as const, configured: true, last_sync: null, status: bot.twilioNumber ?? null };
  const sid = bot.twilioNumberSid;
  const answer = await probeWithin(timeoutMs, () => deps.probes.twilioNumber(sid));
  if (!answer.ok) return { ...known, reachable: false, error: `Twilio: ${answer.error}` };
  if (answer.value === 'absent') {
    return { ...known, reachable: false, error: 'Twilio no longer has this number on the platform’s account' };
  }
  return { ...known, reachable: true, error: null };
}
