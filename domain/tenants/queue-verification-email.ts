import { EmailOutbox, EmailVerification, type Tenant } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { hashToken, newOpaqueToken } from '../auth/tokens';
import { verificationMail } from './verification-mail';

/**
 * Issues a verification token for the tenant's contact address and queues the email carrying its link, in the
 * caller's transaction. The database keeps only the token's hash; the outbox row is what gets delivered.
 */
export function queueVerificationEmail(
  em: ScopedEm,
  input: { tenant: Tenant; idempotencyKey: string; expiresAt: Date; publicBaseUrl: string },
): EmailOutbox {
  const { tenant } = input;
  const token = newOpaqueToken();
  em.create(EmailVerification, {
    tenantId: tenant.id,
    email: tenant.contactEmail,
    tokenHash: hashToken(token),
    expiresAt: input.expiresAt,
  });
  const mail = verificationMail({
    tenantName: tenant.name,
    link: `${input.publicBaseUrl}/api/auth/verify?token=${token}`,
  });
  return em.create(EmailOutbox, {
    tenantId: tenant.id,
    idempotencyKey: input.idempotencyKey,
    toAddress: tenant.contactEmail,
    subject: mail.subject,
    bodyText: mail.text,
    status: 'queued',
  });
}
