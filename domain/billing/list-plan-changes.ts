import type { PlanChangeListQuery, PlanChangeRecordView } from '../../contracts/billing-admin';
import type { Page, PageQuery } from '../../contracts/page';
import type { Role } from '../../contracts/roles';
import { Plan } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { pageWindow } from '../pagination';

interface PlanChangeRow {
  id: string;
  tenant_id: string | null;
  tenant_name: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_role: Role | null;
  details: { from?: string | null; to?: string; system?: string };
  created_at: Date;
}

/**
 * Plan changes, newest first, from their `subscription.plan_changed` audit rows (switch-plan.ts writes them for an
 * admin's change and for a Stripe cancellation alike): who moved which tenant from which plan to which.
 */
export async function listPlanChanges(
  deps: { orm: Orm },
  { actor, page, filter }: { actor: Actor; page: PageQuery; filter: PlanChangeListQuery },
): Promise<Page<PlanChangeRecordView>> {
  assertCan(actor, 'billing:overview');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const tenantId = filter.tenantId ?? null;
    const where = `a.action = 'subscription.plan_changed' and (?::uuid is null or a.tenant_id = ?::uuid)`;
    const [{ total }] = await em.execute<[{ total: number }]>(
      `select count(*)::int as total from audit_log a where ${where}`,
      [tenantId, tenantId],
    );
    const { limit, offset } = pageWindow(page);
    const rows = await em.execute<PlanChangeRow[]>(
      `select a.id, a.tenant_id, t.name as tenant_name, a.actor_user_id, u.name as actor_name, a.actor_role,
              a.details, a.created_at
         from audit_log a
         left join tenants t on t.id = a.tenant_id
         left join users u on u.id = a.actor_user_id
        where ${where}
        order by a.created_at desc, a.id desc
        limit ? offset ?`,
      [tenantId, tenantId, limit, offset],
    );
    // Codes of plans the price list no longer has keep their code as their name.
    const names = new Map((await em.find(Plan, {})).map((plan) => [plan.code, plan.name]));
    const plan = (code: string) => ({ code, name: names.get(code) ?? code });
    const items = rows.map((row): PlanChangeRecordView => ({
      id: row.id,
      tenantId: row.tenant_id,
      tenantName: row.tenant_name,
      from: row.details.from ? plan(row.details.from) : null,
      to: plan(row.details.to ?? 'unknown'),
      changedAt: new Date(row.created_at).toISOString(),
      changedBy: row.details.system
        ? { kind: 'system', name: row.details.system, userId: null, role: null }
        : { kind: 'user', name: row.actor_name, userId: row.actor_user_id, role: row.actor_role },
    }));
    return { items, total, ...page };
  });
}
