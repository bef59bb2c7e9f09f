import { SUBSCRIPTION_IN_FORCE } from '../../contracts/subscription-status';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { periodDays, type BillingPeriod } from './billing-period';
import type { InvoicingDeps } from './prepare-period-invoice';

/**
 * One page of the tenants a period's run bills, in id order after `afterTenantId`: every tenant with a billing
 * account and a subscription in force (SUBSCRIPTION_IN_FORCE) that began before the period ended. Suspended tenants are billed for what they
 * used; tenants still verifying or being removed are not.
 */
export async function listBillableTenants(
  deps: InvoicingDeps,
  input: { actor: SystemActor; period: BillingPeriod; afterTenantId: string | null; limit: number },
): Promise<string[]> {
  const { end } = periodDays(input.period);
  const rows = await inScope(deps.orm, input.actor, (em) =>
    em.execute<{ id: string }[]>(
      `select t.id from tenants t
        where t.status in ('active', 'suspended')
          and (?::uuid is null or t.id > ?::uuid)
          and exists (select 1 from billing_accounts b where b.tenant_id = t.id)
          and exists (select 1 from subscriptions s
                       where s.tenant_id = t.id and s.status in (${SUBSCRIPTION_IN_FORCE.map(() => '?').join(', ')})
                         and s.created_at::date <= ?::date)
        order by t.id
        limit ?`,
      [input.afterTenantId, input.afterTenantId, ...SUBSCRIPTION_IN_FORCE, end, input.limit],
    ),
  );
  return rows.map((row) => row.id);
}
