import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import type { PlanView } from '@contracts/billing';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { TextField } from '~/components/ui/field';
import { isProblem, splitFieldErrors } from '~/lib/problem';

import { PlanPicker } from './plan-picker';
import { loadSignupPlans } from './signup-plans.server';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Create an account · VoicePlane' }];

const FIELDS = ['companyName', 'name', 'email', 'password', 'planSlug'] as const;
type Field = (typeof FIELDS)[number];

interface FormState {
  submitting: boolean;
  error?: string;
  otherErrors?: string[];
  fieldErrors: Partial<Record<Field, string>>;
}

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
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useState<FormState>({ submitting: false, fieldErrors: {} });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The form needs JavaScript (JSON request): keep the button disabled until hydration.
  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    if (state.submitting) return;
    const firstInvalid = FIELDS.find((field) => state.fieldErrors[field]);
    if (firstInvalid) formRef.current?.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus();
    else if (state.error) errorRef.current?.focus();
  }, [state]);

  const chosen = plans.find((candidate) => candidate.code === plan);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.submitting) return;
    const form = new FormData(event.currentTarget);
    const field = (name: Field) => String(form.get(name) ?? '');
    const body = {
      companyName: field('companyName').trim(),
      name: field('name').trim(),
      email: field('email').trim(),
      password: field('password'),
      planSlug: plan,
    };
    setState({ submitting: true, fieldErrors: {} });

    let response: Response;
    try {
      response = await fetch('/api/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        credentials: 'include',
        body: JSON.stringify(body),
      });
    } catch {
      setState({ submitting: false, fieldErrors: {}, error: 'Could not reach the server. Check your connection.' });
      return;
    }
    if (response.status === 202) {
      setSentTo(body.email);
      return;
    }
    const problem: unknown = await response.json().catch(() => null);
    if (isProblem(problem)) {
      const { byField, other } = splitFieldErrors(problem, FIELDS);
      setState({
        submitting: false,
        fieldErrors: byField,
        otherErrors: other,
        error: problem.detail ?? problem.title ?? `Sign-up failed (HTTP ${response.status}).`,
      });
      return;
    }
    setState({
      submitting: false,
      fieldErrors: {},
      error:
        response.status >= 502 && response.status <= 504
          ? 'The API is unavailable right now. Please try again shortly.'
          : `Sign-up failed (HTTP ${response.status}).`,
    });
  }

  return (
    <main className="min-h-screen bg-gradient-to-b from-indigo-50/60 to-slate-50 px-4 py-12 sm:px-6">
      <div className="mx-auto w-full max-w-4xl">
        <Link to="/" className="flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" className="h-8 w-8" />
          VoicePlane
        </Link>

        {sentTo ? (
          <CheckYourMail email={sentTo} plan={chosen} />
        ) : (
          <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
            <h1 className="text-xl font-semibold tracking-tight">Create an account</h1>
            <p className="mt-1 text-sm text-slate-600">
              Pick a plan, then tell us about your organisation. Already registered?{' '}
              <Link to="/login" className="font-medium text-indigo-700 hover:underline">
                Sign in
              </Link>
            </p>

            {state.error ? (
              <div ref={errorRef} tabIndex={-1} className="mt-6 outline-none">
                <Alert tone="error">
                  <p>{state.error}</p>
                  {state.otherErrors?.length ? (
                    <ul className="mt-2 list-disc pl-5">
                      {state.otherErrors.map((message, i) => (
                        <li key={i}>{message}</li>
                      ))}
                    </ul>
                  ) : null}
                </Alert>
              </div>
            ) : null}

            <noscript>
              <p className="mt-6 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
                JavaScript is required to create an account.
              </p>
            </noscript>

            {/* method="post" so a submit before hydration never puts the password in the URL. */}
            <form
              ref={formRef}
              method="post"
              onSubmit={handleSubmit}
              aria-busy={state.submitting}
              className="mt-6 space-y-6"
            >
              <PlanPicker plans={plans} selected={plan} onSelect={setPlan} />
              {state.fieldErrors.planSlug ? <p className="text-sm text-red-700">{state.fieldErrors.planSlug}</p> : null}
              <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
                <TextField
                  name="companyName"
                  label="Organisation"
                  autoComplete="organization"
                  required
                  minLength={2}
                  maxLength={120}
                  error={state.fieldErrors.companyName}
                />
                <TextField
                  name="name"
                  label="Your name"
                  autoComplete="name"
                  required
                  maxLength={120}
                  error={state.fieldErrors.name}
                />
                <TextField
                  name="email"
                  label="Email address"
                  type="email"
                  autoComplete="email"
                  required
                  error={state.fieldErrors.email}
                />
                <TextField
                  name="password"
                  label="Password"
                  type="password"
                  autoComplete="new-password"
                  required
                  error={state.fieldErrors.password}
                />
              </div>
              <Button type="submit" disabled={!hydrated || state.submitting} className="w-full py-2.5">
                {state.submitting ? 'Creating your account…' : `Create account${chosen ? ` on ${chosen.name}` : ''}`}
              </Button>
            </form>
          </div>
        )}
      </div>
    </main>
  );
}

function CheckYourMail({ email, plan }: { email: string; plan: PlanView | undefined }) {
  return (
    <div className="mx-auto mt-8 max-w-lg rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold tracking-tight">Check your mail</h1>
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
    </div>
  );
}
