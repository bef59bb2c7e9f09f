import type { PortalSessionView } from '../../contracts/billing';
import { BillingAccount } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { AppError } from '../errors/app-error';
import { billingPageUrl, type BillingSessions } from './checkout-port';

const noCustomer = () =>
  new AppError('conflict', 'Your organisation has no Stripe customer yet: upgrade to a paid plan first');

/**
 * A customer admin opens Stripe's customer portal for their own tenant (card, invoices, plan switch, cancel),
 * which returns to the billing page. A tenant without a Stripe customer has nothing to manage there (409).
 */
export async function openBillingPortal(
  deps: { orm: Orm; sessions: BillingSessions; webBaseUrl: string },
  { actor }: { actor: Actor },
): Promise<PortalSessionView> {
  assertCan(actor, 'billing:manage');
  const tenantId = actor.tenantId;
  if (!tenantId) throw new AppError('forbidden', 'Only a tenant’s own admin may open the billing portal');
  const account = await inScope(deps.orm, scopeOf(actor), (em) => em.findOne(BillingAccount, { tenantId }));
  if (!account) throw noCustomer();
  const session = await deps.sessions.createPortalSession({
    customerId: account.stripeCustomerId,
    returnUrl: billingPageUrl(deps.webBaseUrl),
  });
  if (session === 'unknown_customer') throw noCustomer();
  return { url: session.url };
}
