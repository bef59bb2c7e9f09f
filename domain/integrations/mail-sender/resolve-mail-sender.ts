import type { MailSenderView } from '../../../contracts/integration-health';
import { MailSender } from '../../../db/entities';
import type { ScopedEm } from '../../../db/scope';
import { parseMailbox } from './parse-mailbox';

/** A tenant's sender: the one it set, else the platform's (`platformSender`, MAIL_FROM). */
export async function resolveMailSender(
  em: ScopedEm,
  { tenantId, platformSender }: { tenantId: string; platformSender: string },
): Promise<MailSenderView> {
  const own = await em.findOne(MailSender, { tenantId });
  if (own) {
    return {
      fromName: own.fromName,
      fromAddress: own.fromAddress,
      custom: true,
      updatedAt: own.updatedAt.toISOString(),
    };
  }
  const platform = parseMailbox(platformSender);
  return { fromName: platform.name, fromAddress: platform.address, custom: false, updatedAt: null };
}
