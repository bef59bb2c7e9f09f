import { Form, useActionData, useNavigation } from 'react-router';

import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { SelectField, TextField } from '~/components/ui/field';
import type { FormFailure } from '~/lib/forms.server';

import { lastEndedPeriod } from '../admin.billing/billing-format';

/**
 * Starts `POST /api/billing/invoice/run` for a month that has ended, for one tenant or every billable one. A period
 * already billed is not billed again, so running twice is harmless.
 */
export function RunNowForm({ tenants }: { tenants: Array<{ id: string; name: string }> }) {
  const failure = useActionData<FormFailure<'period' | 'tenantId'>>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && navigation.formMethod?.toLowerCase() === 'post';
  const latest = lastEndedPeriod();
  return (
    <Form method="post" className="flex flex-col gap-4">
      <TextField
        label="Period"
        name="period"
        type="month"
        required
        defaultValue={latest}
        max={latest}
        pattern="\d{4}-\d{2}"
        placeholder="YYYY-MM"
        hint="A UTC month that has ended"
        error={failure?.fieldErrors.period}
      />
      <SelectField label="Tenants" name="tenantId" defaultValue="" error={failure?.fieldErrors.tenantId}>
        <option value="">Every billable tenant</option>
        {tenants.map((tenant) => (
          <option key={tenant.id} value={tenant.id}>
            {tenant.name}
          </option>
        ))}
      </SelectField>
      {failure && !failure.ok ? <Alert>{failure.formError}</Alert> : null}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? 'Starting…' : 'Run now'}
        </Button>
      </div>
    </Form>
  );
}
