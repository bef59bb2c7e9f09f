import {
  Form,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';
import { useEffect, useRef, useState } from 'react';

import { Alert } from '~/components/ui/alert';
import { Button, ButtonLink } from '~/components/ui/button';
import { Card, CardBody } from '~/components/ui/card';
import { SelectField, TextareaField, TextField } from '~/components/ui/field';
import { PageHeader } from '~/components/ui/page-header';
import { createApi } from '~/lib/api.server';
import { requirePermission } from '~/lib/auth.server';
import { LOCALES, labelOf, VOICES } from '~/lib/bot-options';
import { formFailure, text } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'New bot · VoicePlane admin' }];

const FIELDS = ['tenantId', 'name', 'locale', 'voice', 'greeting'] as const;
type Field = (typeof FIELDS)[number];
const STEPS: Array<{ title: string; fields: Field[] }> = [
  { title: 'Tenant and name', fields: ['tenantId', 'name'] },
  { title: 'Voice and greeting', fields: ['locale', 'voice', 'greeting'] },
  { title: 'Review', fields: [] },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin', 'bots:manage', 'create bots');
  const tenants = await createApi(request).tenants.list({ pageSize: 100 });
  const preselected = new URL(request.url).searchParams.get('tenantId') ?? '';
  return {
    tenants: tenants.items
      .filter((t) => t.status !== 'suspended' && t.status !== 'offboarding')
      .map((t) => ({ id: t.id, name: t.name })),
    preselected,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'admin', 'bots:manage', 'create bots');
  const form = await request.formData();
  const result = await createApi(request).bots.create({
    tenantId: text(form, 'tenantId'),
    name: text(form, 'name'),
    locale: text(form, 'locale'),
    voice: text(form, 'voice'),
    greeting: text(form, 'greeting'),
  });
  if (!result.ok) return formFailure(result.problem, FIELDS);
  throw redirect(`/admin/bots/${result.data.bot.id}`);
}

export const clientAction = freshSessionAction;

/**
 * A three-step wizard in one form: every step's fields stay in the form (hidden while not shown), so the
 * submission and the API's field errors work as for any form; an error sends the wizard back to its step.
 */
export default function NewBot() {
  const { tenants, preselected } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const errors: Partial<Record<Field, string>> = failure?.fieldErrors ?? {};
  const [step, setStep] = useState(0);
  const [values, setValues] = useState<Record<Field, string>>({
    tenantId: tenants.some((t) => t.id === preselected) ? preselected : '',
    name: '',
    locale: 'de-AT',
    voice: 'elevenlabs:Rachel',
    greeting: '',
  });
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!failure) return;
    const first = STEPS.findIndex((s) => s.fields.some((f) => failure.fieldErrors[f]));
    setStep(first === -1 ? STEPS.length - 1 : first);
  }, [failure]);
  useEffect(() => headingRef.current?.focus(), [step]);

  const set = (field: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  /** Checks the shown step's fields with the browser's own validation before moving on. */
  const next = () => {
    const fieldset = formRef.current?.querySelector<HTMLFieldSetElement>(`fieldset[data-step="${step}"]`);
    const controls = fieldset ? Array.from(fieldset.querySelectorAll<HTMLInputElement>('input,select,textarea')) : [];
    if (controls.every((control) => control.reportValidity())) setStep((s) => Math.min(s + 1, STEPS.length - 1));
  };

  return (
    <>
      <PageHeader
        title="New bot"
        description="Provisioning starts when you create it: Heroku app, Twilio number, webhooks, health check."
        back={{ to: '/admin/bots', label: 'Bots' }}
      />
      <Card className="max-w-3xl">
        <nav aria-label="Wizard steps" className="border-b border-slate-200 px-4 py-3 sm:px-5">
          <ol className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
            {STEPS.map((s, i) => (
              <li key={s.title} className="flex items-center gap-2" aria-current={i === step ? 'step' : undefined}>
                <span
                  className={`flex h-6 w-6 items-center justify-center rounded-full text-xs font-semibold ${
                    i < step
                      ? 'bg-indigo-600 text-white'
                      : i === step
                        ? 'bg-indigo-50 text-indigo-700 ring-1 ring-indigo-600'
                        : 'bg-slate-100 text-slate-500'
                  }`}
                >
                  {i + 1}
                </span>
                <span className={i === step ? 'font-semibold text-slate-900' : 'text-slate-500'}>{s.title}</span>
              </li>
            ))}
          </ol>
        </nav>
        <CardBody>
          <Form
            ref={formRef}
            method="post"
            aria-busy={submitting}
            onKeyDown={(event) => {
              // Enter moves to the next step instead of submitting early (not inside the greeting's textarea).
              if (
                event.key === 'Enter' &&
                step < STEPS.length - 1 &&
                (event.target as HTMLElement).tagName !== 'TEXTAREA'
              ) {
                event.preventDefault();
                next();
              }
            }}
          >
            <h2 ref={headingRef} tabIndex={-1} className="mb-5 text-base font-semibold text-slate-900 outline-none">
              Step {step + 1} of {STEPS.length}: {STEPS[step]!.title}
            </h2>
            {failure?.formError ? (
              <Alert title="The bot was not created" className="mb-5">
                {failure.formError}
              </Alert>
            ) : null}

            <fieldset data-step="0" hidden={step !== 0} className="space-y-5">
              <legend className="sr-only">Tenant and name</legend>
              <SelectField
                label="Tenant"
                name="tenantId"
                required
                value={values.tenantId}
                onChange={set('tenantId')}
                error={errors.tenantId}
              >
                <option value="">Choose a tenant…</option>
                {tenants.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Bot name"
                name="name"
                required
                minLength={2}
                maxLength={80}
                value={values.name}
                onChange={set('name')}
                error={errors.name}
                hint="Shown to the tenant, e.g. “Reception” or “After-hours line”."
              />
            </fieldset>

            <fieldset data-step="1" hidden={step !== 1} className="space-y-5">
              <legend className="sr-only">Voice and greeting</legend>
              <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
                <SelectField
                  label="Language"
                  name="locale"
                  value={values.locale}
                  onChange={set('locale')}
                  error={errors.locale}
                >
                  {LOCALES.map((l) => (
                    <option key={l.value} value={l.value}>
                      {l.label}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label="Voice"
                  name="voice"
                  value={values.voice}
                  onChange={set('voice')}
                  error={errors.voice}
                >
                  {VOICES.map((v) => (
                    <option key={v.value} value={v.value}>
                      {v.label}
                    </option>
                  ))}
                </SelectField>
              </div>
              <TextareaField
                label="Greeting"
                name="greeting"
                required
                maxLength={500}
                value={values.greeting}
                onChange={set('greeting')}
                error={errors.greeting}
                hint="The first thing callers hear."
              />
            </fieldset>

            {step === 2 ? (
              <dl className="grid grid-cols-1 gap-4 rounded-md bg-slate-50 p-4 text-sm sm:grid-cols-2">
                <Summary label="Tenant" value={tenants.find((t) => t.id === values.tenantId)?.name ?? '—'} />
                <Summary label="Name" value={values.name} />
                <Summary label="Language" value={labelOf(LOCALES, values.locale)} />
                <Summary label="Voice" value={labelOf(VOICES, values.voice)} />
                <div className="sm:col-span-2">
                  <Summary label="Greeting" value={`“${values.greeting}”`} />
                </div>
              </dl>
            ) : null}

            <div className="mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-5">
              <ButtonLink to="/admin/bots" variant="ghost">
                Cancel
              </ButtonLink>
              <div className="flex gap-3">
                {step > 0 ? (
                  <Button variant="secondary" onClick={() => setStep((s) => s - 1)}>
                    Back
                  </Button>
                ) : null}
                {/* Distinct keys: React must not turn the clicked Next button into the submit button. */}
                {step < STEPS.length - 1 ? (
                  <Button key="next" onClick={next}>
                    Next
                  </Button>
                ) : (
                  <Button key="submit" type="submit" disabled={submitting}>
                    {submitting ? 'Creating…' : 'Create bot and provision'}
                  </Button>
                )}
              </div>
            </div>
          </Form>
        </CardBody>
      </Card>
    </>
  );
}

function Summary({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 break-words text-slate-900">{value}</dd>
    </div>
  );
}
