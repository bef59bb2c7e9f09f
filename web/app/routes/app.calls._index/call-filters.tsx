import { Form, Link, useSubmit } from 'react-router';
import type { InputHTMLAttributes } from 'react';

import { CALL_LOG_STATUSES } from '@contracts/call-status';
import { CALL_OUTCOMES } from '@contracts/conversation';
import { OUTCOME_LABELS } from '~/components/call-badges';
import { Button } from '~/components/ui/button';
import { FilterChoice } from '~/components/ui/field';
import { humanize } from '~/lib/format';
import type { CallFilters } from '~/lib/call-query';

const INPUT =
  'rounded-md border-0 py-1.5 px-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600';

function Input({ label, name, ...input }: { label: string; name: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
      {label}
      <input name={name} className={INPUT} {...input} />
    </label>
  );
}

/**
 * The history's filters as a GET form: the URL holds them (shareable, the back button works, the CSV export
 * takes the same). Applied with the button or Enter; a change of filters starts again at the newest call.
 */
export function CallFiltersForm({ filters, agents }: { filters: CallFilters; agents: { id: string; name: string }[] }) {
  const submit = useSubmit();
  return (
    <Form
      method="get"
      onSubmit={(event) => {
        // Empty filters stay out of the URL (and so out of the CSV link); no cursor: the newest calls first.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        for (const [name, value] of [...data.entries()]) if (value === '') data.delete(name);
        submit(data, { method: 'get' });
      }}
      role="search"
      aria-label="Filter calls"
      className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3 sm:px-5"
    >
      <Input
        label="Transcript contains"
        name="q"
        type="search"
        defaultValue={filters.q}
        placeholder="Words said in the call"
        maxLength={200}
      />
      <FilterChoice
        label="Agent"
        name="agentId"
        defaultValue={filters.agentId ?? ''}
        anyLabel="All agents"
        choices={agents.map((agent) => ({ value: agent.id, label: agent.name }))}
      />
      <FilterChoice
        label="Outcome"
        name="outcome"
        defaultValue={filters.outcome ?? ''}
        anyLabel="Any outcome"
        choices={CALL_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
      />
      <FilterChoice
        label="Status"
        name="status"
        defaultValue={filters.status ?? ''}
        anyLabel="Any status"
        choices={CALL_LOG_STATUSES.map((status) => ({ value: status, label: humanize(status) }))}
      />
      <Input label="From" name="from" type="date" defaultValue={filters.from} />
      <Input label="To" name="to" type="date" defaultValue={filters.to} />
      <Input
        label="Min. seconds"
        name="minDuration"
        type="number"
        min={0}
        defaultValue={filters.minDuration}
        className={`${INPUT} w-24`}
      />
      <Input
        label="Max. seconds"
        name="maxDuration"
        type="number"
        min={0}
        defaultValue={filters.maxDuration}
        className={`${INPUT} w-24`}
      />
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm">
          Apply filters
        </Button>
        <Link to="/app/calls" className="text-sm font-medium text-slate-600 hover:text-slate-900">
          Clear
        </Link>
      </div>
    </Form>
  );
}
