import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { readSignupStanding } from './read-signup-standing';

/**
 * For the onboarding workflow's wait after verification: has the paid plan chosen at sign-up been paid through
 * Checkout (`paid`; also when nothing is to be paid), is it still open (`waiting`), or is the tenant gone?
 */
export async function checkSignupPayment(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<'paid' | 'waiting' | 'gone'> {
  const standing = await inScope(deps.orm, actor, (em) => readSignupStanding(em, tenantId));
  if (!standing) return 'gone';
  return !standing.paymentRequired || standing.paid ? 'paid' : 'waiting';
}
