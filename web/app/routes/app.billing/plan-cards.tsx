import { Form, useNavigation } from 'react-router';

import type { PlanView } from '@contracts/billing';
import { PlanFee, PlanFeatureList } from '~/components/plan-features';
import { Badge } from '~/components/ui/badge';
import { Button } from '~/components/ui/button';
import { formatNumber } from '~/lib/format';

export interface PlanChoice {
  /** The tenant's plan (null: none yet). */
  current: string | null;
  currentFeeCents: number;
  /** A Stripe subscription bills the plan: other plans are chosen in the Stripe portal. */
  managedByStripe: boolean;
  /** The tenant's own admin: only they may start Checkout or open the portal. */
  mayManage: boolean;
}

/** The price list side by side: fee, features, limits and what is included, with the way to each plan. */
export function PlanCards({ plans, choice }: { plans: PlanView[]; choice: PlanChoice }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
      {plans.map((plan) => {
        const current = plan.code === choice.current;
        return (
          <article
            key={plan.code}
            data-plan={plan.code}
            aria-label={`${plan.name} plan`}
            className={`flex flex-col rounded-lg border bg-white p-5 shadow-sm ${
              current ? 'border-indigo-500 ring-1 ring-indigo-500' : 'border-slate-200'
            }`}
          >
            <div className="flex items-center justify-between gap-2">
              <h3 className="text-lg font-semibold text-slate-900">{plan.name}</h3>
              {current ? <Badge tone="indigo">Current plan</Badge> : null}
            </div>
            <p className="mt-2">
              <PlanFee plan={plan} />
            </p>
            <PlanFeatureList plan={plan} className="mt-4 space-y-1.5 text-sm" />
            <dl className="mt-4 space-y-1 border-t border-slate-100 pt-4 text-sm text-slate-600">
              <div className="flex justify-between gap-2">
                <dt>Bots</dt>
                <dd className="tabular-nums">
                  {plan.limits.maxBots === null ? 'Unlimited' : `up to ${plan.limits.maxBots}`}
                </dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt>Call minutes</dt>
                <dd className="tabular-nums">
                  {plan.limits.monthlyMinuteCap === null
                    ? 'No cap'
                    : `${formatNumber(plan.limits.monthlyMinuteCap)} / month`}
                </dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt>Included minutes</dt>
                <dd className="tabular-nums">{formatNumber(plan.usage.minutes.included)}</dd>
              </div>
            </dl>
            <div className="mt-auto pt-5">
              <PlanAction plan={plan} current={current} choice={choice} />
            </div>
          </article>
        );
      })}
    </div>
  );
}

function PlanAction({ plan, current, choice }: { plan: PlanView; current: boolean; choice: PlanChoice }) {
  const navigation = useNavigation();
  if (current || !choice.mayManage) return null;
  if (choice.managedByStripe) {
    return <p className="text-sm text-slate-500">Switch plans in Manage subscription.</p>;
  }
  // Checkout sells paid plans; a move to the free plan is a cancellation, which needs a Stripe subscription.
  if (plan.monthlyFeeCents === 0) return null;
  const sending =
    navigation.state !== 'idle' &&
    navigation.formData?.get('intent') === 'checkout' &&
    navigation.formData.get('planCode') === plan.code;
  const verb = plan.monthlyFeeCents > choice.currentFeeCents ? 'Upgrade' : 'Switch';
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="checkout" />
      <input type="hidden" name="planCode" value={plan.code} />
      <Button type="submit" className="w-full" disabled={navigation.state !== 'idle'}>
        {sending ? 'Opening Checkout…' : `${verb} to ${plan.name}`}
      </Button>
    </Form>
  );
}
