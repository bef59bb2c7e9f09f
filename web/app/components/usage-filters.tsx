import { Form, useSubmit } from 'react-router';
import { useState } from 'react';

import type { TenantView } from '@contracts/tenants';

import { Button } from './ui/button';
import { FilterChoice, FilterSelect } from './ui/field';

export const RANGES = [
  { value: 'day', label: 'Today' },
  { value: 'week', label: 'This week' },
  { value: 'month', label: 'This month' },
  { value: 'custom', label: 'Custom…' },
] as const;

/** Range (and, for staff, tenant) of the usage page; custom ranges apply with their button. */
export function UsageFilters({
  range,
  from,
  to,
  tenantId,
  tenants,
}: {
  range: string;
  from: string;
  to: string;
  tenantId?: string;
  tenants?: Pick<TenantView, 'id' | 'name'>[];
}) {
  const submit = useSubmit();
  const [current, setCurrent] = useState(range);
  const dateClass =
    'rounded-md border-0 py-1.5 px-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600';
  return (
    <Form
      method="get"
      role="search"
      className="flex flex-wrap items-end gap-3"
      onChange={(event) => {
        const target = event.target as HTMLInputElement;
        if (target.name === 'range') setCurrent(target.value);
        if (target.type === 'date' || (target.name === 'range' && target.value === 'custom')) return;
        submit(event.currentTarget, { replace: true, preventScrollReset: true });
      }}
    >
      <FilterSelect label="Period" name="range" defaultValue={range}>
        {RANGES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </FilterSelect>
      {current === 'custom' ? (
        <>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
            From
            <input type="date" name="from" defaultValue={from} required className={dateClass} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
            To
            <input type="date" name="to" defaultValue={to} required className={dateClass} />
          </label>
          <Button type="submit" size="sm" variant="secondary">
            Apply
          </Button>
        </>
      ) : null}
      {tenants ? (
        <FilterChoice
          label="Tenant"
          name="tenantId"
          defaultValue={tenantId ?? ''}
          anyLabel="All tenants"
          choices={tenants.map((t) => ({ value: t.id, label: t.name }))}
        />
      ) : null}
    </Form>
  );
}
