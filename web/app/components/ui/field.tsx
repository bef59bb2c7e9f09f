import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

const CONTROL =
  'block w-full rounded-md border-0 px-3 py-2 text-base text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset disabled:bg-slate-50 disabled:text-slate-500 sm:text-sm';
const controlClass = (error?: string) =>
  `${CONTROL} ${error ? 'ring-rose-400 focus:ring-rose-600' : 'ring-slate-300 focus:ring-indigo-600'}`;

interface FieldFrame {
  label: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

/** Label, control, hint and the API's error for this field, wired together for screen readers. */
function Frame({ id, label, error, hint, className = '', children }: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <div className="mt-1.5">{children}</div>
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function described(id: string, error?: string, hint?: ReactNode) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

export function TextField({
  label,
  error,
  hint,
  className,
  ...input
}: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>) {
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint} className={className}>
      <input id={id} className={controlClass(error)} {...described(id, error, hint)} {...input} />
    </Frame>
  );
}

export function SelectField({
  label,
  error,
  hint,
  className,
  children,
  ...select
}: FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'>) {
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint} className={className}>
      <select id={id} className={`${controlClass(error)} pr-8`} {...described(id, error, hint)} {...select}>
        {children}
      </select>
    </Frame>
  );
}

export function TextareaField({
  label,
  error,
  hint,
  className,
  ...textarea
}: FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>) {
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint} className={className}>
      <textarea id={id} className={controlClass(error)} rows={4} {...described(id, error, hint)} {...textarea} />
    </Frame>
  );
}

/** A small inline select for filter bars (label visually hidden). */
export function FilterSelect({
  label,
  children,
  ...select
}: { label: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-500">
        {label}
      </label>
      <select
        id={id}
        className="rounded-md border-0 py-1.5 pl-2.5 pr-8 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

/** A filter dropdown whose first option means "no filter". */
export function FilterChoice({
  anyLabel,
  choices,
  ...select
}: {
  label: string;
  anyLabel: string;
  choices: { value: string; label: string }[];
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FilterSelect {...select}>
      <option value="">{anyLabel}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </FilterSelect>
  );
}
