import { SUBSCRIPTION_IN_FORCE } from '../../contracts/subscription-status';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SubscriptionStatus } from '../../contracts/subscription-status';
import type { TenantStatus } from '../../contracts/tenant-status';
import { isSuspendedForNonpayment } from '../billing/gates';
import { tenantAcceptsWebhooks } from '../tenants/tenant-status';
import { isOverPlanLimit } from '../usage/plan-limits';

export interface RoutedBot {
  id: string;
  tenantId: string;
  locale: string;
}

/**
 * Why a call is refused. `tenant_suspended`: a platform admin deactivated the tenant; `tenant_inactive`: any other
 * tenant that is not active and verified (pending verification, offboarding); `payment_overdue`: dunning has
 * suspended the calls for a payment past due; `over_plan_limit`: this month's minutes reached the plan's cap.
 */
export type CallRefusalReason =
  'tenant_suspended' | 'tenant_inactive' | 'bot_unavailable' | 'over_plan_limit' | 'payment_overdue';

export type CallRoute =
  /** `appUrl`: the web URL of the bot's app, whose runtime takes the call's media stream. */
  | { kind: 'connect'; bot: RoutedBot; appUrl: string }
  /** `appUrlMissing`: a ready bot provisioned before its app's URL was recorded (backfill-bot-app-urls). */
  | { kind: 'refuse'; reason: CallRefusalReason; bot: RoutedBot; appUrlMissing?: true }
  | { kind: 'unroutable' };

interface RouteRow {
  bot_id: string;
  tenant_id: string;
  locale: string;
  app_url: string | null;
  bot_status: string;
  tenant_status: TenantStatus;
  verified_at: Date | null;
  subscription_status: SubscriptionStatus | null;
  past_due_since: Date | string | null;
  suspended_at: Date | string | null;
  monthly_minute_cap: number | null;
  used_minutes: string;
}

/**
 * Which bot (and so which tenant) answers a called number. Nothing else decides the tenant: an unknown number
 * is unroutable, never a fallback to some tenant. One query, since every webhook asks it while Twilio waits.
 */
export async function resolveCallRoute(deps: { orm: Orm }, calledNumber: string): Promise<CallRoute> {
  const rows = await inScope(deps.orm, { system: 'call-routing' }, (em) =>
    em.execute<RouteRow[]>(
      `select b.id as bot_id, b.tenant_id, b.locale, b.app_url, b.status as bot_status,
              t.status as tenant_status, t.verified_at, s.status as subscription_status, s.past_due_since,
              s.suspended_at,
              p.monthly_minute_cap,
              -- The month's minutes matter only against a cap: without one the rollup is not read.
              case when p.monthly_minute_cap is null then 0 else
                (select coalesce(sum(u.quantity), 0) from usage_daily u
                  where u.tenant_id = b.tenant_id and u.kind = 'minutes'
                    and u.day >= date_trunc('month', now() at time zone 'UTC')::date) end as used_minutes
         from bots b
         join tenants t on t.id = b.tenant_id
         left join subscriptions s on s.tenant_id = b.tenant_id
                and s.status in (${SUBSCRIPTION_IN_FORCE.map(() => '?').join(', ')})
         left join plans p on p.id = s.plan_id
        where b.twilio_number = ?`,
      [...SUBSCRIPTION_IN_FORCE, calledNumber],
    ),
  );
  const row = rows[0];
  if (!row) return { kind: 'unroutable' };
  const bot = { id: row.bot_id, tenantId: row.tenant_id, locale: row.locale };
  if (row.tenant_status === 'suspended') return { kind: 'refuse', reason: 'tenant_suspended', bot };
  if (!tenantAcceptsWebhooks({ status: row.tenant_status, verifiedAt: row.verified_at })) {
    return { kind: 'refuse', reason: 'tenant_inactive', bot };
  }
  if (row.bot_status !== 'ready') return { kind: 'refuse', reason: 'bot_unavailable', bot };
  // Without its app's URL the call could only be silent: refused like a bot that is not ready.
  if (!row.app_url) return { kind: 'refuse', reason: 'bot_unavailable', bot, appUrlMissing: true };
  // A tenant without a subscription (made outside onboarding) has no plan, so neither check applies.
  const at = (value: Date | string | null) => (value === null ? null : new Date(value));
  const standing = { pastDueSince: at(row.past_due_since), suspendedAt: at(row.suspended_at) };
  if (row.subscription_status && isSuspendedForNonpayment({ status: row.subscription_status, ...standing })) {
    return { kind: 'refuse', reason: 'payment_overdue', bot };
  }
  if (isOverPlanLimit(Number(row.used_minutes), { monthlyMinuteCap: row.monthly_minute_cap })) {
    return { kind: 'refuse', reason: 'over_plan_limit', bot };
  }
  return { kind: 'connect', bot, appUrl: row.app_url };
}
