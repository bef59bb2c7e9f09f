import type { MailSenderBody, MailSenderView } from '../../../contracts/integration-health';
import { MailSender } from '../../../db/entities';
import type { Orm } from '../../../db/orm';
import { inScope } from '../../../db/scope';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../auth/actor';
import { ownTenantOf } from '../../auth/tenant-to-read';
import { resolveMailSender } from './resolve-mail-sender';

/** Sets the name and address of the tenant's sender, audited; not yet used as the From of outgoing mail (decision 014). */
export async function saveMailSender(
  deps: { orm: Orm; platformSender: string },
  { actor, input }: { actor: Actor; input: MailSenderBody },
): Promise<MailSenderView> {
  const tenantId = ownTenantOf(actor, 'integrations:manage');
  return inScope(deps.orm, { tenantId }, async (em) => {
    const existing = await em.findOne(MailSender, { tenantId });
    // Copied now: the upsert updates the managed row in place.
    const before = existing && { fromName: existing.fromName, fromAddress: existing.fromAddress };
    await em.upsert(MailSender, {
      tenantId,
      fromName: input.fromName,
      fromAddress: input.fromAddress,
      updatedAt: new Date(),
    });
    recordAudit(em, {
      actor,
      action: 'mail_sender.updated',
      targetType: 'tenant',
      targetId: tenantId,
      details: {
        from: before,
        to: { fromName: input.fromName, fromAddress: input.fromAddress },
      },
    });
    await em.flush();
    return resolveMailSender(em, { tenantId, platformSender: deps.platformSender });
  });
}
