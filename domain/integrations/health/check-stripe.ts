import type { IntegrationHealth } from '../../../contracts/integration-health';
import { BillingAccount, Subscription } from '../../../db/entities';
import type { Orm } from '../../../db/orm';
import { inScope } from '../../../db/scope';
import type { IntegrationProbes } from './integration-probes-port';
import { notConfigured, probeWithin } from './settle-check';

/**
 * Stripe: configured once onboarding created the tenant's billing customer; reachable when Stripe answers for that
 * customer. `status` is the newest subscription's status as the platform recorded it.
 */
export async function checkStripe(
  deps: { orm: Orm; probes: IntegrationProbes },
  { tenantId, timeoutMs }: { tenantId: string; timeoutMs: number },
): Promise<IntegrationHealth> {
  const { account, subscription } = await inScope(deps.orm, { tenantId }, async (em) => ({
    account: await em.findOne(BillingAccount, { tenantId }),
    subscription: await em.findOne(Subscription, { tenantId }, { orderBy: { createdAt: 'desc' } }),
  }));
  const status = subscription?.status ?? null;
  if (!account) return notConfigured('stripe', status);
  const known = { name: 'stripe' as const, configured: true, last_sync: null, status };
  const customerId = account.stripeCustomerId;
  const answer = await probeWithin(timeoutMs, () => deps.probes.stripeCustomer(customerId));
  if (!answer.ok) return { ...known, reachable: false, error: `Stripe: ${answer.error}` };
  if (answer.value === 'absent') {
    return { ...known, reachable: false, error: 'Stripe has no such customer on the platform’s account' };
  }
  return { ...known, reachable: true, error: null };
}
