import type { PlanView } from '@contracts/billing';
import type { PlanFeature } from '@contracts/pricing';
import { formatMoney } from '~/lib/format';

const FEATURE_LABELS: Record<PlanFeature, string> = {
  apiAccess: 'API access',
  customPrompts: 'Custom prompts',
  byokElevenlabs: 'Your own ElevenLabs key',
  whiteLabel: 'White label',
};

/** A plan card's price: the monthly fee, large, and "/ month" (inline content, to sit in a label or a paragraph). */
export function PlanFee({ plan }: { plan: PlanView }) {
  return (
    <>
      <span className="text-3xl font-semibold tracking-tight text-slate-900">
        {formatMoney(plan.monthlyFeeCents, plan.currency)}
      </span>
      <span className="text-sm text-slate-500"> / month</span>
    </>
  );
}

/**
 * Every feature with a tick or a dash, and the same in words for screen readers. `inline` renders spans instead of
 * a list, for a card that is itself a label (which may hold inline content only).
 */
export function PlanFeatureList({
  plan,
  inline = false,
  className,
}: {
  plan: PlanView;
  inline?: boolean;
  className: string;
}) {
  const List = inline ? 'span' : 'ul';
  const Item = inline ? 'span' : 'li';
  return (
    <List className={className}>
      {(Object.keys(FEATURE_LABELS) as PlanFeature[]).map((feature) => (
        <Item
          key={feature}
          className={`${inline ? 'block ' : ''}${plan.features[feature] ? 'text-slate-700' : 'text-slate-400'}`}
        >
          <span aria-hidden="true" className="mr-2 inline-block w-3">
            {plan.features[feature] ? '✓' : '–'}
          </span>
          {FEATURE_LABELS[feature]}
          <span className="sr-only">{plan.features[feature] ? ' (included)' : ' (not included)'}</span>
        </Item>
      ))}
    </List>
  );
}
