import {
  Form,
  Link,
  redirectDocument,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';

import type { SignupStage, SignupStageState } from '@contracts/onboarding-step';
import { AuthCard, AuthPage } from '~/components/auth-page';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { createApi, forbidden } from '~/lib/api.server';
import { requirePermission, requireUser } from '~/lib/auth.server';
import { formatMoney } from '~/lib/format';
import { formFailure, type FormFailure } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';
import { useLiveRefresh } from '~/lib/use-live-refresh';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Getting started · VoicePlane' }];

const CHECKOUT_OUTCOMES = ['success', 'cancelled'] as const;
const STAGE_LABELS: Record<SignupStage, string> = {
  verify_email: 'Verify your email',
  choose_plan: 'Choose and pay for your plan',
  ready: 'Ready',
};
const STATE_LABELS: Record<SignupStageState, string> = {
  done: 'Done',
  current: 'In progress',
  pending: 'Next',
  failed: 'Failed',
};

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, 'app');
  if (!me.tenant) throw forbidden('This page belongs to a new customer account.');
  const api = createApi(request);
  const [progress, plans] = await Promise.all([api.tenants.onboarding(me.tenant.id), api.billing.plans()]);
  const plan = plans.items.find((candidate) => candidate.code === progress.planCode) ?? null;
  const outcome = CHECKOUT_OUTCOMES.find((value) => value === new URL(request.url).searchParams.get('checkout'));
  return { organisation: me.tenant.name, progress, plan, outcome: outcome ?? null, role: me.user.role };
}

/** The Checkout for the plan chosen at sign-up, returning here; Stripe's page is another origin. */
export async function action({ request }: ActionFunctionArgs) {
  const me = await requirePermission(request, 'app', 'billing:manage', 'pay for your organisation’s plan');
  if (!me.tenant) throw forbidden('This page belongs to a new customer account.');
  const api = createApi(request);
  const progress = await api.tenants.onboarding(me.tenant.id);
  if (!progress.planCode) return formFailure({ title: 'No plan was chosen at sign-up', status: 409 }, []);
  const result = await api.billing.checkout(progress.planCode, 'signup');
  if (!result.ok) return formFailure(result.problem, []);
  throw redirectDocument(result.data.url);
}

export const clientAction = freshSessionAction;

/**
 * Where a new customer lands after confirming their email (and after Checkout): the onboarding stages live, and
 * for a paid plan chosen at sign-up the way to pay for it.
 */
export default function Welcome() {
  const { organisation, progress, plan, outcome, role } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const navigation = useNavigation();
  const stateOf = (stage: SignupStage) => progress.stages.find((entry) => entry.stage === stage)?.state ?? 'pending';
  const ready = stateOf('ready') === 'done';
  const paying = stateOf('choose_plan') === 'current';
  useLiveRefresh(!ready && stateOf('verify_email') !== 'failed');

  return (
    <AuthPage width="max-w-lg">
      <AuthCard
        title={`Welcome, ${organisation}`}
        intro={plan ? `Your plan: ${plan.name} (${formatMoney(plan.monthlyFeeCents, plan.currency)} / month).` : null}
      >
        {outcome === 'success' && paying ? (
          <Alert tone="info" className="mt-6">
            Stripe has your payment. Your plan switches as soon as Stripe confirms it; this page follows along.
          </Alert>
        ) : null}
        {outcome === 'cancelled' && paying ? (
          <Alert tone="info" className="mt-6">
            Checkout was cancelled. You are on the free plan until you pay for {plan?.name ?? 'your plan'}.
          </Alert>
        ) : null}
        {failure ? (
          <Alert tone="error" title="Checkout could not be opened" className="mt-6">
            {failure.formError}
          </Alert>
        ) : null}

        <ol aria-label="Onboarding" className="mt-6 space-y-3">
          {progress.stages.map(({ stage, state }, index) => (
            <li
              key={stage}
              data-stage={stage}
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
              className="flex items-center justify-between gap-3 rounded-md border border-slate-200 px-4 py-3"
            >
              <span className={state === 'pending' ? 'text-slate-500' : 'font-medium text-slate-900'}>
                {index + 1}. {STAGE_LABELS[stage]}
              </span>
              <span
                className={`text-xs font-medium ${
                  state === 'done'
                    ? 'text-green-700'
                    : state === 'current'
                      ? 'text-indigo-700'
                      : state === 'failed'
                        ? 'text-red-700'
                        : 'text-slate-400'
                }`}
              >
                {STATE_LABELS[state]}
              </span>
            </li>
          ))}
        </ol>

        {stateOf('verify_email') === 'current' ? (
          <p className="mt-6 text-sm text-slate-600">Follow the link in the email we sent you to continue.</p>
        ) : null}
        {paying && outcome !== 'success' ? (
          role === 'customer_admin' ? (
            <Form method="post" className="mt-6">
              <Button type="submit" className="w-full py-2.5" disabled={navigation.state !== 'idle'}>
                {navigation.state !== 'idle'
                  ? 'Opening Checkout…'
                  : `Continue to payment for ${plan?.name ?? 'your plan'}`}
              </Button>
            </Form>
          ) : (
            <p className="mt-6 text-sm text-slate-600">Your organisation’s admin completes the payment.</p>
          )
        ) : null}
        {ready ? (
          <p className="mt-6">
            <Link to="/app" className="font-medium text-indigo-700 hover:underline">
              Go to your dashboard
            </Link>
          </p>
        ) : null}
      </AuthCard>
    </AuthPage>
  );
}
