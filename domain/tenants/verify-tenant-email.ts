import { EmailVerification, Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { hashToken } from '../auth/tokens';
import { AppError } from '../errors/app-error';
import type { OnboardingWorkflows } from './onboarding-port';
import type { TenantStatus } from '../../contracts/tenant-status';

/**
 * Confirms a tenant's email from the link's token and tells its onboarding workflow. Following the link twice
 * is harmless: the workflow ignores a second signal and an already active tenant just reports its status.
 */
export async function verifyTenantEmail(
  deps: { orm: Orm; onboarding: OnboardingWorkflows },
  token: string,
): Promise<{ tenantId: string; status: TenantStatus }> {
  const verification = await inScope(deps.orm, { system: 'verify-email' }, async (em) => {
    const found = await em.findOne(EmailVerification, { tokenHash: hashToken(token) });
    if (!found) throw new AppError('not_found', 'This verification link is not valid (a newer one may have been sent)');
    if (!found.usedAt && found.expiresAt < new Date()) {
      throw new AppError('gone', 'This verification link has expired; please register again');
    }
    found.usedAt ??= new Date();
    await em.flush();
    return found;
  });
  await deps.onboarding.signalEmailVerified(verification.tenantId);
  const tenant = await inScope(deps.orm, { tenantId: verification.tenantId }, (em) =>
    em.findOne(Tenant, { id: verification.tenantId }),
  );
  if (!tenant) throw new AppError('gone', 'This organisation was removed because it was not verified in time');
  return { tenantId: tenant.id, status: tenant.status };
}
