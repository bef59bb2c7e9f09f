import type { MailSenderView } from '../../../contracts/integration-health';
import type { Orm } from '../../../db/orm';
import { inScope } from '../../../db/scope';
import type { Actor } from '../../auth/actor';
import { tenantToRead } from '../../auth/tenant-to-read';
import { resolveMailSender } from './resolve-mail-sender';

/** The tenant's mail sender (customers: their own; platform staff: the tenant they name). */
export async function getMailSender(
  deps: { orm: Orm; platformSender: string },
  { actor, tenantId }: { actor: Actor; tenantId?: string },
): Promise<MailSenderView> {
  const target = tenantToRead(actor, tenantId, 'integrations:read');
  return inScope(deps.orm, { tenantId: target }, (em) =>
    resolveMailSender(em, { tenantId: target, platformSender: deps.platformSender }),
  );
}
