import { EmailOutbox, User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { AppError } from '../errors/app-error';
import type { OnboardingWorkflows } from './onboarding-port';
import { registrationAttemptMail } from './registration-attempt-mail';

/**
 * Tells the owner of an address that someone tried to sign up with it, instead of telling the one signing up
 * that it is taken. At most one notice per account and UTC day (the outbox idempotency key), so repeated
 * attempts cannot flood the owner's inbox.
 */
export async function notifyRegistrationAttempt(
  deps: { orm: Orm; onboarding: OnboardingWorkflows; publicBaseUrl: string },
  email: string,
): Promise<void> {
  const mail = await inScope(deps.orm, { system: 'register' }, async (em) => {
    const owner = await em.findOne(User, { email });
    if (!owner) return null;
    const idempotencyKey = `registration-attempt-${owner.id}-${new Date().toISOString().slice(0, 10)}`;
    const { subject, text } = registrationAttemptMail({ signInUrl: `${deps.publicBaseUrl}/login` });
    await em.upsert(
      EmailOutbox,
      {
        tenantId: owner.tenantId ?? null,
        idempotencyKey,
        toAddress: owner.email,
        subject,
        bodyText: text,
        status: 'queued',
      },
      { onConflictFields: ['idempotencyKey'], onConflictAction: 'ignore' },
    );
    return em.findOne(EmailOutbox, { idempotencyKey }, { refresh: true });
  });
  // A row still queued (new, or left by an attempt the workflow service missed) is handed over again.
  if (mail?.status !== 'queued') return;
  await deps.onboarding.deliverEmail({ id: mail.id, tenantId: mail.tenantId ?? null }).catch((cause: unknown) => {
    throw new AppError('unavailable', 'The workflow service is unavailable; nothing was created, please retry', {
      cause,
    });
  });
}
