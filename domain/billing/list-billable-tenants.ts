import { SUBSCRIPTION_IN_FORCE } from '../../contracts/subscription-status';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { sqlList } from './admin-invoice-run-status';
import { periodDays, type BillingPeriod } from './billing-period';
import type { InvoicingDeps } from './prepare-period-invoice';

/**
 * Whether tenant `t` is billed by a period's run, as SQL: it has a billing account and a subscription in force
 * (SUBSCRIPTION_IN_FORCE) that began by the period's last day (`periodEndDay`, an SQL date expression). Suspended
 * tenants are billed for what they used; tenants still verifying or being removed are not. The admin Billing page
 * counts the same tenants as not yet invoiced.
 */
export const billableTenantSql = (periodEndDay: string): string =>
  `t.status in ('active', 'suspended')
   and exists (select 1 from billing_accounts b where b.tenant_id = t.id)
   and exists (select 1 from subscriptions s
                where s.tenant_id = t.id and s.status in (${sqlList(SUBSCRIPTION_IN_FORCE)})
                  and s.created_at::date <= ${periodEndDay})`;

/** One page of the tenants a period's run bills (billableTenantSql), in id order after `afterTenantId`. */
export async function listBillableTenants(
  deps: InvoicingDeps,
  input: { actor: SystemActor; period: BillingPeriod; afterTenantId: string | null; limit: number },
): Promise<string[]> {
  const { end } = periodDays(input.period);
  const rows = await inScope(deps.orm, input.actor, (em) =>
    em.execute<{ id: string }[]>(
      `select t.id from tenants t
        where ${billableTenantSql('?::date')}
          and (?::uuid is null or t.id > ?::uuid)
        order by t.id
        limit ?`,
      [end, input.afterTenantId, input.afterTenantId, input.limit],
    ),
  );
  return rows.map((row) => row.id);
}
