import { Bot, Plan, Subscription, Tenant, UsageDaily } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { tenantAcceptsWebhooks } from '../tenants/tenant-status';
import { isOverPlanLimit } from '../usage/plan-limits';

export type CallRoute =
  | { kind: 'connect'; bot: Bot; tenant: Tenant }
  | { kind: 'refuse'; reason: 'tenant_inactive' | 'bot_unavailable' | 'over_plan_limit'; bot: Bot }
  | { kind: 'unroutable' };

/**
 * Which bot (and so which tenant) answers a called number. Nothing else decides the tenant: an unknown number
 * is unroutable, never a fallback to some tenant.
 */
export async function resolveCallRoute(deps: { orm: Orm }, calledNumber: string, now = new Date()): Promise<CallRoute> {
  return inScope(deps.orm, { system: 'call-routing' }, async (em) => {
    const bot = await em.findOne(Bot, { twilioNumber: calledNumber });
    if (!bot) return { kind: 'unroutable' };
    const tenant = await em.findOneOrFail(Tenant, { id: bot.tenantId });
    if (!tenantAcceptsWebhooks({ status: tenant.status, verifiedAt: tenant.verifiedAt ?? null }))
      return { kind: 'refuse', reason: 'tenant_inactive', bot };
    if (bot.status !== 'ready') return { kind: 'refuse', reason: 'bot_unavailable', bot };
    const subscription = await em.findOne(Subscription, { tenantId: tenant.id, status: 'active' });
    const plan = subscription ? await em.findOne(Plan, { id: subscription.planId }) : null;
    if (plan) {
      const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
      const rows = await em.find(
        UsageDaily,
        { tenantId: tenant.id, kind: 'minutes', day: { $gte: monthStart } },
        { fields: ['quantity'] },
      );
      const used = rows.reduce((sum, row) => sum + Number(row.quantity), 0);
      if (isOverPlanLimit(used, plan)) return { kind: 'refuse', reason: 'over_plan_limit', bot };
    }
    return { kind: 'connect', bot, tenant };
  });
}
