import { randomUUID } from 'node:crypto';
import { EmailVerification } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { AppError } from '../errors/app-error';
import { lockTenant } from './lock-tenant';
import type { OnboardingWorkflows } from './onboarding-port';
import { queueVerificationEmail } from './queue-verification-email';

/**
 * A platform admin sends a pending tenant a fresh verification link: the earlier links stop working, and the
 * new one expires when they would have, since the onboarding workflow's deadline does not move.
 */
export async function resendVerificationEmail(
  deps: { orm: Orm; onboarding: OnboardingWorkflows; publicBaseUrl: string },
  { actor, tenantId }: { actor: Actor; tenantId: string },
): Promise<{ tenantId: string; sentTo: string; expiresAt: string }> {
  assertCan(actor, 'tenants:verify');
  const queued = await inScope(deps.orm, scopeOf(actor), async (em) => {
    const tenant = await lockTenant(em, tenantId);
    if (tenant.status !== 'pending_verification') {
      throw new AppError('conflict', `The organisation is ${tenant.status}; there is no address left to confirm`);
    }
    const current = await em.findOne(EmailVerification, { tenantId, usedAt: null }, { orderBy: { expiresAt: 'desc' } });
    if (!current) throw new AppError('conflict', 'The first verification email is still on its way; try again shortly');
    if (current.expiresAt <= new Date()) throw new AppError('conflict', 'The time to verify this organisation is over');
    await em.nativeDelete(EmailVerification, { tenantId, usedAt: null });
    const mail = queueVerificationEmail(em, {
      tenant,
      idempotencyKey: `verify-email-${tenantId}-resend-${randomUUID()}`,
      expiresAt: current.expiresAt,
      publicBaseUrl: deps.publicBaseUrl,
    });
    recordAudit(em, {
      actor,
      tenantId,
      action: 'tenant.verification_resent',
      targetType: 'tenant',
      targetId: tenantId,
      details: { outboxId: mail.id },
    });
    await em.flush();
    return { mail, sentTo: tenant.contactEmail, expiresAt: current.expiresAt };
  });
  await deps.onboarding.deliverEmail({ id: queued.mail.id, tenantId }).catch((cause: unknown) => {
    throw new AppError('unavailable', 'The email is queued but the workflow service is unavailable', { cause });
  });
  return { tenantId, sentTo: queued.sentTo, expiresAt: queued.expiresAt.toISOString() };
}
