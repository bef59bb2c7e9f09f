import { EmailOutbox, Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { notFound } from '../errors/app-error';
import { queueVerificationEmail } from './queue-verification-email';

/**
 * Onboarding's verification mail: queued once per tenant (its outbox idempotency key), so a retried activity
 * returns the mail it queued before instead of issuing a second link. The caller delivers it.
 */
export async function issueVerificationEmail(
  deps: { orm: Orm; publicBaseUrl: string },
  { actor, tenantId, validForMs }: { actor: SystemActor; tenantId: string; validForMs: number },
): Promise<EmailOutbox> {
  const idempotencyKey = `verify-email-${tenantId}`;
  return inScope(deps.orm, actor, async (em) => {
    const queued = await em.findOne(EmailOutbox, { idempotencyKey });
    if (queued) return queued;
    const tenant = await em.findOne(Tenant, { id: tenantId });
    if (!tenant) throw notFound('Tenant');
    const expiresAt = new Date(Date.now() + validForMs);
    const created = queueVerificationEmail(em, {
      tenant,
      idempotencyKey,
      expiresAt,
      publicBaseUrl: deps.publicBaseUrl,
    });
    await em.flush();
    return created;
  });
}
