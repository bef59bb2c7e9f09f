import type { PlanView } from '@contracts/billing';
import { PlanFee, PlanFeatureList } from '~/components/plan-features';
import { formatNumber } from '~/lib/format';

/**
 * The plans as cards to pick one from (a radio group, so keyboard and screen readers choose as with any radio):
 * monthly fee, the limits that matter first, and the features each one switches on.
 */
export function PlanPicker({
  plans,
  selected,
  onSelect,
}: {
  plans: PlanView[];
  selected: string;
  onSelect: (code: string) => void;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-900">Choose your plan</legend>
      <div className="mt-3 grid grid-cols-1 gap-4 md:grid-cols-3">
        {plans.map((plan) => {
          const chosen = plan.code === selected;
          return (
            <label
              key={plan.code}
              data-plan={plan.code}
              className={`relative flex cursor-pointer flex-col rounded-lg border bg-white p-5 shadow-sm transition focus-within:ring-2 focus-within:ring-indigo-500 ${
                chosen ? 'border-indigo-500 ring-1 ring-indigo-500' : 'border-slate-200 hover:border-slate-300'
              }`}
            >
              <span className="flex items-center justify-between gap-2">
                <span className="text-lg font-semibold text-slate-900">{plan.name}</span>
                <input
                  type="radio"
                  name="planSlug"
                  value={plan.code}
                  checked={chosen}
                  onChange={() => onSelect(plan.code)}
                  aria-label={`${plan.name} plan`}
                  className="h-4 w-4 accent-indigo-600"
                />
              </span>
              <span className="mt-2">
                <PlanFee plan={plan} />
              </span>
              <span className="mt-3 space-y-1 text-sm text-slate-600">
                <span className="block">
                  {plan.limits.maxBots === null
                    ? 'Unlimited bots'
                    : plan.limits.maxBots === 1
                      ? 'One bot'
                      : `Up to ${plan.limits.maxBots} bots`}
                </span>
                <span className="block">
                  {plan.limits.monthlyMinuteCap === null
                    ? 'No cap on call minutes'
                    : `${formatNumber(plan.limits.monthlyMinuteCap)} call minutes / month`}
                </span>
                <span className="block">{formatNumber(plan.usage.minutes.included)} minutes included</span>
              </span>
              <PlanFeatureList plan={plan} inline className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-sm" />
              {plan.monthlyFeeCents > 0 ? (
                <span className="mt-3 text-xs text-slate-500">Paid by card after you confirm your email.</span>
              ) : null}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
