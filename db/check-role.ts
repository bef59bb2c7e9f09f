import type { Orm } from './orm';

/**
 * Row-level security does not apply to superusers or roles with BYPASSRLS. Returns a warning when the
 * configured database role would silently skip the tenant policies.
 */
export async function roleBypassesRls(orm: Orm): Promise<string | null> {
  const [role] = await orm.em
    .fork()
    .execute<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }[]>(
      'select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
  if (!role || (!role.rolsuper && !role.rolbypassrls)) return null;
  return `database role "${role.rolname}" is a superuser or has BYPASSRLS, so row-level security is not enforced; connect as a normal role that owns the tables`;
}
