import { Form, useSubmit } from 'react-router';
import type { ReactNode } from 'react';

import { Button } from './ui/button';
import { FilterChoice } from './ui/field';

/**
 * Filters as a GET form: the URL holds them (shareable, back button works). With JavaScript a change applies at
 * once; without, the Apply button submits.
 */
export function FilterBar({ children }: { children: ReactNode }) {
  const submit = useSubmit();
  return (
    <Form
      method="get"
      role="search"
      onChange={(event) => {
        const form = event.currentTarget;
        const data = new FormData(form);
        // Drop empty filters and start again at page 1.
        for (const [key, value] of [...data.entries()]) if (value === '') data.delete(key);
        data.delete('page');
        submit(data, { method: 'get', replace: true, preventScrollReset: true });
      }}
      className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3 sm:px-5"
    >
      {children}
      <noscript>
        <Button type="submit" variant="secondary" size="sm">
          Apply
        </Button>
      </noscript>
    </Form>
  );
}

/** The tenant filter of the admin lists (`tenantId` in the URL). */
export function TenantFilter({
  tenants,
  defaultValue,
}: {
  tenants: { id: string; name: string }[];
  defaultValue: string;
}) {
  return (
    <FilterChoice
      label="Tenant"
      name="tenantId"
      defaultValue={defaultValue}
      anyLabel="All tenants"
      choices={tenants.map((t) => ({ value: t.id, label: t.name }))}
    />
  );
}
