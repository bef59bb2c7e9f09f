import { Link, useLoaderData, useSearchParams, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { useState, type FormEvent } from 'react';

import type { PlanView } from '@contracts/billing';
import { AuthCard, AuthForm, AuthPage, CredentialFields } from '~/components/auth-page';
import { TextField } from '~/components/ui/field';
import { useJsonForm } from '~/lib/use-json-form';

import { PlanPicker } from './plan-picker';
import { loadSignupPlans } from './signup-plans.server';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Create an account · VoicePlane' }];

const FIELDS = ['companyName', 'name', 'email', 'password', 'planSlug'] as const;
type Field = (typeof FIELDS)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  return { plans: await loadSignupPlans(request) };
}

/** The card `?plan=` names when the price list has it, else the default plan. */
function initialPlan(plans: PlanView[], wanted: string | null): string {
  const named = plans.find((plan) => plan.code === wanted?.trim().toLowerCase());
  return (named ?? plans.find((plan) => plan.isDefault) ?? plans[0])?.code ?? '';
}

/**
 * Public sign-up: the plan cards first, then the organisation and its first admin. The browser posts to
 * /api/auth/register itself (as sign-in does); the answer is the same for every address, so the page just asks
 * the visitor to check their mail.
 */
export default function Register() {
  const { plans } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const [plan, setPlan] = useState(() => initialPlan(plans, params.get('plan')));
  const form = useJsonForm(FIELDS, { action: 'Sign-up' });
  const errors = form.state.fieldErrors;
  const [sentTo, setSentTo] = useState<string | null>(null);
  const chosen = plans.find((candidate) => candidate.code === plan);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    const data = form.formData(event);
    if (!data) return;
    const field = (name: Field) => String(data.get(name) ?? '');
    const body = {
      companyName: field('companyName').trim(),
      name: field('name').trim(),
      email: field('email').trim(),
      password: field('password'),
      planSlug: plan,
    };
    await form.post('/api/auth/register', body, (response) => {
      if (response.status !== 202) return false;
      setSentTo(body.email);
      return true;
    });
  }

  return (
    <AuthPage width="max-w-4xl">
      {sentTo ? (
        <CheckYourMail email={sentTo} plan={chosen} />
      ) : (
        <AuthCard
          title="Create an account"
          intro={
            <>
              Pick a plan, then tell us about your organisation. Already registered?{' '}
              <Link to="/login" className="font-medium text-indigo-700 hover:underline">
                Sign in
              </Link>
            </>
          }
        >
          <AuthForm
            form={form}
            onSubmit={handleSubmit}
            toDo="create an account"
            submit={{ idle: `Create account${chosen ? ` on ${chosen.name}` : ''}`, busy: 'Creating your account…' }}
            className="mt-6 space-y-6"
          >
            <PlanPicker plans={plans} selected={plan} onSelect={setPlan} />
            {errors.planSlug ? <p className="text-sm text-red-700">{errors.planSlug}</p> : null}
            <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
              <TextField
                name="companyName"
                label="Organisation"
                autoComplete="organization"
                required
                minLength={2}
                maxLength={120}
                error={errors.companyName}
              />
              <TextField
                name="name"
                label="Your name"
                autoComplete="name"
                required
                maxLength={120}
                error={errors.name}
              />
              <CredentialFields errors={errors} purpose="sign-up" />
            </div>
          </AuthForm>
        </AuthCard>
      )}
    </AuthPage>
  );
}

function CheckYourMail({ email, plan }: { email: string; plan: PlanView | undefined }) {
  return (
    <AuthCard title="Check your mail" className="mx-auto max-w-lg">
      <p className="mt-2 text-sm text-slate-600">
        We have sent a message to <strong className="font-medium text-slate-900">{email}</strong>. Follow its link to
        confirm your address and continue.
      </p>
      {plan && plan.monthlyFeeCents > 0 ? (
        <p className="mt-3 text-sm text-slate-600">
          Once confirmed, you go on to secure checkout for the {plan.name} plan. Until it is paid, your organisation
          uses the free plan.
        </p>
      ) : null}
      <ol className="mt-5 space-y-2 text-sm">
        <li className="font-medium text-indigo-700">1. Verify your email — waiting for you</li>
        <li className="text-slate-500">2. {plan && plan.monthlyFeeCents > 0 ? 'Pay for your plan' : 'Plan chosen'}</li>
        <li className="text-slate-500">3. Ready</li>
      </ol>
      <p className="mt-6 text-sm text-slate-600">
        <Link to="/login" className="font-medium text-indigo-700 hover:underline">
          Go to sign-in
        </Link>
      </p>
    </AuthCard>
  );
}
