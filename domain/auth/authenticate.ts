import type { Orm } from '../../db/orm';
import type { ScopedEm } from '../../db/scope';
import type { TenantStatus } from '../../contracts/tenant-status';
import { tenantAllowsSessions } from '../tenants/tenant-status';
import type { Actor } from './actor';
import type { Role } from '../../contracts/roles';
import { verifyAccessToken } from './tokens';

/**
 * Resolves an access token to its actor. The user row and its tenant's status are read on every request (one
 * primary-key look-up), so deactivating a user or suspending their tenant takes effect on the very next request,
 * not when the token expires. It is every request's first database work, so it is one round trip: the
 * `session_actor` function reads the row under its own statement's bypass (migration 20261210000000).
 */
export async function authenticate(deps: { orm: Orm; tokenKey: Uint8Array }, token: string): Promise<Actor | null> {
  const claimed = await verifyAccessToken(token, deps.tokenKey);
  if (!claimed) return null;
  const [row] = await deps.orm.em
    .getConnection()
    .execute<SessionRow[]>('select * from session_actor(?)', [claimed.userId]);
  return sessionActorOf(row);
}

interface SessionRow {
  id: string;
  role: Role;
  tenant_id: string | null;
  is_active: boolean;
  tenant_status: TenantStatus | null;
}

/** The actor a session of this user stands for, or null when the user or their tenant may not hold one. */
export async function findSessionActor(em: ScopedEm, userId: string): Promise<Actor | null> {
  const [row] = await em.execute<SessionRow[]>(
    `select u.id, u.role, u.tenant_id, u.is_active, t.status as tenant_status
       from users u left join tenants t on t.id = u.tenant_id
      where u.id = ?`,
    [userId],
  );
  return sessionActorOf(row);
}

function sessionActorOf(row: SessionRow | undefined): Actor | null {
  if (!row?.is_active) return null;
  if (row.tenant_id !== null && (row.tenant_status === null || !tenantAllowsSessions(row.tenant_status))) return null;
  return { userId: row.id, role: row.role, tenantId: row.tenant_id };
}
