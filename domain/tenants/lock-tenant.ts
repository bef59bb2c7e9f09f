import { LockMode } from '@mikro-orm/core';
import { Tenant } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { notFound } from '../errors/app-error';

/**
 * The tenant, locked until the caller's transaction ends so concurrent changes of its status are checked one
 * after the other; 404 when the scope cannot see it.
 */
export async function lockTenant(em: ScopedEm, tenantId: string): Promise<Tenant> {
  const tenant = await em.findOne(Tenant, { id: tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!tenant) throw notFound('Tenant');
  return tenant;
}
