import { Tenant } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { AppError } from '../errors/app-error';

/**
 * The guard of every destructive offboarding step: it acts only on a tenant that is `offboarding`, or already gone
 * (a repeated step). Any other status is a programming error that must never delete a live tenant's data.
 */
export async function assertOffboarding(em: ScopedEm, tenantId: string): Promise<'offboarding' | 'gone'> {
  const tenant = await em.findOne(Tenant, { id: tenantId });
  if (!tenant) return 'gone';
  if (tenant.status !== 'offboarding') {
    throw new AppError('conflict', `Tenant ${tenantId} is ${tenant.status}, not offboarding; nothing was deleted`);
  }
  return 'offboarding';
}
