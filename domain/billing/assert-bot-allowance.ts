import type { ScopedEm } from '../../db/scope';
import { countBots } from './count-bots';
import { findTenantPlan } from './find-tenant-plan';
import { limitGate } from './gates';
import { findPlans, toPlanPricing } from './plan-pricing';

/**
 * Refuses (429) another bot when the tenant has as many as its plan's `maxBots`. The caller holds the tenant's
 * lock, so two creations at once are counted one after the other.
 */
export async function assertBotAllowance(em: ScopedEm, tenantId: string): Promise<void> {
  const current = await findTenantPlan(em, tenantId);
  if (!current) return;
  const plans = (await findPlans(em)).map(toPlanPricing);
  limitGate(toPlanPricing(current.plan), 'maxBots', await countBots(em, tenantId), plans);
}
