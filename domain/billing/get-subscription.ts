import type { SubscriptionView } from '../../contracts/billing';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { tenantToRead } from '../auth/tenant-to-read';
import { notFound } from '../errors/app-error';
import { resolveRange } from '../usage/usage-range';
import { findTenantPlan } from './find-tenant-plan';
import { monthUsage } from './month-usage';
import { toSubscriptionView } from './subscription-view';

/**
 * A tenant's subscription this calendar month (UTC): plan, status, usage against every limit and the invoice
 * estimate so far. Customers read their own tenant's (another tenant's is not found); platform staff name one.
 */
export async function getSubscription(
  deps: { orm: Orm },
  { actor, tenantId, now = new Date() }: { actor: Actor; tenantId?: string; now?: Date },
): Promise<SubscriptionView> {
  const target = tenantToRead(actor, tenantId, 'billing:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const current = await findTenantPlan(em, target);
    if (!current) throw notFound('Subscription');
    const period = resolveRange('month', now);
    return toSubscriptionView(current, period, await monthUsage(em, { tenantId: target, ...period }));
  });
}
