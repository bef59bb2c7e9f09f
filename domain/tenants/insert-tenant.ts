import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Tenant, TenantSettings } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { AppError } from '../errors/app-error';
import { slugify } from './slugify';

/** Adds a tenant awaiting email verification, with default settings. Runs inside the caller's transaction. */
export async function insertTenant(
  em: ScopedEm,
  input: { name: string; slug?: string; contactEmail: string },
): Promise<Tenant> {
  const slug = input.slug ?? (await freeSlug(em, slugify(input.name)));
  const tenant = em.create(Tenant, {
    name: input.name,
    slug,
    contactEmail: input.contactEmail,
    status: 'pending_verification',
  });
  try {
    // Flushed on its own first: the unit of work does not know the tenant_id foreign keys that point here.
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new AppError('conflict', `The slug "${slug}" is taken`, { errors: [{ path: 'slug', message: 'taken' }] });
    }
    throw error;
  }
  em.create(TenantSettings, { tenantId: tenant.id });
  await em.flush();
  return tenant;
}

async function freeSlug(em: ScopedEm, base: string): Promise<string> {
  const taken = new Set(
    (await em.find(Tenant, { slug: { $like: `${base}%` } }, { fields: ['slug'] })).map((tenant) => tenant.slug),
  );
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}
