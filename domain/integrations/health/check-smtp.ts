import type { IntegrationHealth } from '../../../contracts/integration-health';
import { EmailOutbox } from '../../../db/entities';
import type { Orm } from '../../../db/orm';
import { inScope } from '../../../db/scope';
import { formatMailbox } from '../mail-sender/parse-mailbox';
import { resolveMailSender } from '../mail-sender/resolve-mail-sender';
import type { IntegrationProbes } from './integration-probes-port';
import { probeWithin } from './settle-check';

/**
 * Mail: the tenant's sender (its own or the platform's) over the platform's SMTP server. Configured when there is
 * an SMTP server to send through (without one mail only reaches the log); reachable when it accepts the platform's
 * connection and login now. last_sync is when a mail of the tenant was last handed to it; `status` the sender.
 */
export async function checkSmtp(
  deps: { orm: Orm; probes: IntegrationProbes; platformSender: string },
  { tenantId, timeoutMs }: { tenantId: string; timeoutMs: number },
): Promise<IntegrationHealth> {
  const { sender, lastSent } = await inScope(deps.orm, { tenantId }, async (em) => ({
    sender: await resolveMailSender(em, { tenantId, platformSender: deps.platformSender }),
    lastSent: await em.findOne(
      EmailOutbox,
      { tenantId, status: 'sent', sentAt: { $ne: null } },
      { orderBy: { sentAt: 'desc' }, fields: ['sentAt'] },
    ),
  }));
  const known = {
    name: 'smtp' as const,
    last_sync: lastSent?.sentAt?.toISOString() ?? null,
    status: formatMailbox({ name: sender.fromName, address: sender.fromAddress }),
  };
  const answer = await probeWithin(timeoutMs, () => deps.probes.smtp());
  if (!answer.ok) return { ...known, configured: true, reachable: false, error: `SMTP: ${answer.error}` };
  if (answer.value === 'none') {
    const error = 'No SMTP server is configured for the platform (SMTP_URL): mail is only written to the log';
    return { ...known, configured: false, reachable: false, error };
  }
  return { ...known, configured: true, reachable: true, error: null };
}
