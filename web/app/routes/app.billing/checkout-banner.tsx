import { useRevalidator } from 'react-router';
import { useEffect, useState } from 'react';

import { Alert } from '~/components/ui/alert';

/** How often, and how many times, the page asks again whether Stripe's confirmation has arrived. */
const RECHECK_MS = 2_000;
const RECHECKS = 15;

/**
 * What the customer sees back from Checkout. The plan changes when Stripe's `checkout.session.completed` has been
 * relayed, usually a moment after the redirect, so until the plan is the one paid for the page reloads its data a
 * few times on its own.
 */
export function CheckoutBanner({
  outcome,
  awaitedPlan,
  currentPlan,
}: {
  outcome: 'success' | 'cancelled' | null;
  awaitedPlan: { code: string; name: string } | null;
  currentPlan: string | null;
}) {
  const confirmed = !awaitedPlan || awaitedPlan.code === currentPlan;
  const waiting = outcome === 'success' && !confirmed;
  const revalidator = useRevalidator();
  const [checks, setChecks] = useState(0);
  useEffect(() => {
    if (!waiting || checks >= RECHECKS || revalidator.state !== 'idle') return;
    const timer = setTimeout(() => {
      setChecks((count) => count + 1);
      revalidator.revalidate();
    }, RECHECK_MS);
    return () => clearTimeout(timer);
  }, [waiting, checks, revalidator]);

  if (outcome === 'cancelled') {
    return (
      <Alert tone="info" title="Checkout cancelled" className="mb-6">
        Nothing was charged and your plan is unchanged.
      </Alert>
    );
  }
  if (outcome !== 'success') return null;
  if (confirmed) {
    return (
      <Alert tone="success" title="Thank you, your payment went through" className="mb-6">
        {awaitedPlan ? `Your organisation is on the ${awaitedPlan.name} plan now.` : 'Your subscription is updated.'}
      </Alert>
    );
  }
  return (
    <Alert tone="info" title="Payment received" className="mb-6">
      {checks < RECHECKS
        ? `Waiting for Stripe to confirm your ${awaitedPlan?.name} plan; this page updates by itself.`
        : 'Stripe has not confirmed yet. Your plan changes as soon as it does; reload this page in a minute.'}
    </Alert>
  );
}
