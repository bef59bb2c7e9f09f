import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { openCheckout, type CheckoutDeps } from '../billing/start-checkout';
import { AppError } from '../errors/app-error';
import { readSignupStanding } from './read-signup-standing';

const actor: SystemActor = { system: 'signup-checkout' };

/**
 * The verification link of a sign-up that chose a paid plan sends the customer on to Stripe Checkout for it (the
 * link proves the address; the tenant has been on the free default plan since onboarding began). No URL when there
 * is nothing to pay (a free plan, none chosen, already paid) or Stripe cannot be reached right now: the verification
 * stands either way, and the onboarding page offers Checkout again.
 */
export async function startSignupCheckout(
  deps: Omit<CheckoutDeps, 'sessions'> & { sessions?: CheckoutDeps['sessions'] },
  { tenantId, now = new Date() }: { tenantId: string; now?: Date },
): Promise<{ planCode: string | null; checkoutUrl: string | null }> {
  const standing = await inScope(deps.orm, { tenantId }, (em) => readSignupStanding(em, tenantId));
  const planCode = standing?.planCode ?? null;
  const { sessions } = deps;
  if (!planCode || !standing?.paymentRequired || standing.paid || !sessions) return { planCode, checkoutUrl: null };
  try {
    const session = await openCheckout(
      { ...deps, sessions },
      { actor, scope: { tenantId }, tenantId, planCode, returnTo: 'signup', now },
    );
    return { planCode, checkoutUrl: session.url };
  } catch (error) {
    if (error instanceof AppError) return { planCode, checkoutUrl: null };
    throw error;
  }
}
