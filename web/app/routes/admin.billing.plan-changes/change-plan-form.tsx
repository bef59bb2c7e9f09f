import { Form, useActionData, useNavigation } from 'react-router';

import type { PlanView } from '@contracts/billing';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { SelectField } from '~/components/ui/field';
import { formatMoney } from '~/lib/format';

export type ChangePlanOutcome =
  | { ok: true; message: string }
  | { ok: false; formError: string; fieldErrors: { tenantId?: string; planCode?: string } };

/** Moves a tenant to another plan at once (`PUT /api/tenants/:tenantId/plan`, audited; Stripe follows). */
export function ChangePlanForm({
  tenants,
  plans,
  defaultTenantId,
}: {
  tenants: Array<{ id: string; name: string }>;
  plans: PlanView[];
  defaultTenantId: string;
}) {
  const outcome = useActionData<ChangePlanOutcome>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const failure = outcome && !outcome.ok ? outcome : null;
  return (
    <Form method="post" className="flex flex-wrap items-end gap-3">
      <SelectField
        label="Tenant to move"
        name="tenantId"
        required
        defaultValue={defaultTenantId}
        className="min-w-56 flex-1"
        error={failure?.fieldErrors.tenantId}
      >
        <option value="" disabled>
          Choose a tenant
        </option>
        {tenants.map((tenant) => (
          <option key={tenant.id} value={tenant.id}>
            {tenant.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="New plan"
        name="planCode"
        required
        defaultValue=""
        className="min-w-48"
        error={failure?.fieldErrors.planCode}
      >
        <option value="" disabled>
          Choose a plan
        </option>
        {plans.map((plan) => (
          <option key={plan.code} value={plan.code}>
            {plan.name} ({formatMoney(plan.monthlyFeeCents, plan.currency)} a month)
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={busy}>
        {busy ? 'Changing…' : 'Change plan'}
      </Button>
      {outcome && navigation.state === 'idle' ? (
        <Alert tone={outcome.ok ? 'success' : 'error'} className="w-full">
          {outcome.ok ? outcome.message : outcome.formError}
        </Alert>
      ) : null}
    </Form>
  );
}
