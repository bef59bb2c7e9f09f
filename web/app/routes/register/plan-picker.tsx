import type { PlanView } from '@contracts/billing';
import type { PlanFeature } from '@contracts/pricing';
import { formatMoney, formatNumber } from '~/lib/format';

const FEATURE_LABELS: Record<PlanFeature, string> = {
  apiAccess: 'API access',
  customPrompts: 'Custom prompts',
  byokElevenlabs: 'Your own ElevenLabs key',
  whiteLabel: 'White label',
};

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
                <span className="text-3xl font-semibold tracking-tight text-slate-900">
                  {formatMoney(plan.monthlyFeeCents, plan.currency)}
                </span>
                <span className="text-sm text-slate-500"> / month</span>
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
              <span className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-sm">
                {(Object.keys(FEATURE_LABELS) as PlanFeature[]).map((feature) => (
                  <span
                    key={feature}
                    className={`block ${plan.features[feature] ? 'text-slate-700' : 'text-slate-400'}`}
                  >
                    <span aria-hidden="true" className="mr-2 inline-block w-3">
                      {plan.features[feature] ? '✓' : '–'}
                    </span>
                    {FEATURE_LABELS[feature]}
                    <span className="sr-only">{plan.features[feature] ? ' (included)' : ' (not included)'}</span>
                  </span>
                ))}
              </span>
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
