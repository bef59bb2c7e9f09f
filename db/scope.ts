import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from './orm';

/**
 * Whose rows a unit of work may touch. Row-level security reads these settings, so a query that forgets its
 * tenant filter still sees only the scoped tenant. `system` is the explicit bypass: platform staff (audited by
 * the callers that mutate) and internal machinery such as login look-ups and workflows' activities.
 */
export type DbScope = { tenantId: string } | { system: string };

export type ScopedEm = EntityManager;

export async function inScope<T>(orm: Orm, scope: DbScope, work: (em: ScopedEm) => Promise<T>): Promise<T> {
  const em = orm.em.fork();
  return em.transactional(async (tx) => {
    if ('tenantId' in scope) {
      await tx.execute(`select set_config('app.tenant_id', ?, true)`, [scope.tenantId]);
    } else {
      await tx.execute(`select set_config('app.bypass_rls', 'on', true)`);
    }
    return work(tx);
  });
}
