import {
  Form,
  redirectDocument,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';

import { can } from '@contracts/grants';
import { LatestInvoicesCard } from '~/components/invoice-table';
import { USAGE_LABELS } from '~/components/usage-charts';
import { Alert } from '~/components/ui/alert';
import { Badge } from '~/components/ui/badge';
import { Button } from '~/components/ui/button';
import { Card, CardBody, CardHeader, DetailList } from '~/components/ui/card';
import { PageHeader } from '~/components/ui/page-header';
import { createApi, settle } from '~/lib/api.server';
import { requirePermission, requireUser } from '~/lib/auth.server';
import { formatDate, formatMoney, formatNumber } from '~/lib/format';
import { formFailure, text, type FormFailure } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';
import type { SubscriptionView } from '@contracts/billing';
import { USAGE_KINDS } from '@contracts/usage-kind';

import { CheckoutBanner } from './checkout-banner';
import { EstimateTable } from './estimate-table';
import { LimitBars } from './limit-bars';
import { PlanCards } from './plan-cards';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Billing · VoicePlane' }];

const CHECKOUT_OUTCOMES = ['success', 'cancelled'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, 'app');
  const api = createApi(request);
  const [subscription, plans, invoices] = await Promise.all([
    settle(api.billing.subscription()),
    api.billing.plans(),
    settle(api.invoices.list({ pageSize: 5 })),
  ]);
  const url = new URL(request.url);
  const outcome = CHECKOUT_OUTCOMES.find((value) => value === url.searchParams.get('checkout')) ?? null;
  const awaited = plans.items.find((plan) => plan.code === url.searchParams.get('plan'));
  return {
    subscription,
    plans: plans.items,
    invoices,
    outcome,
    awaitedPlan: outcome === 'success' && awaited ? { code: awaited.code, name: awaited.name } : null,
    mayManage: can(me.user.role, 'billing:manage'),
  };
}

/** Checkout and the portal are Stripe's own pages: the browser leaves for the URL the API answers. */
export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'app', 'billing:manage', 'manage your organisation’s subscription');
  const form = await request.formData();
  const intent = text(form, 'intent');
  const api = createApi(request);
  const result =
    intent === 'checkout'
      ? await api.billing.checkout(text(form, 'planCode'))
      : intent === 'portal'
        ? await api.billing.portal()
        : null;
  if (!result) return formFailure({ title: 'Unknown action', status: 400 }, [], intent);
  if (!result.ok) return formFailure(result.problem, [], intent);
  throw redirectDocument(result.data.url);
}

export const clientAction = freshSessionAction;

export default function Billing() {
  const { subscription, plans, invoices, outcome, awaitedPlan, mayManage } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const current = subscription.data;
  return (
    <>
      <PageHeader
        title="Billing"
        description="Your plan, this month’s usage against its limits, what the month comes to so far, and your invoices."
        actions={mayManage ? <ManageSubscription /> : null}
      />
      <CheckoutBanner outcome={outcome} awaitedPlan={awaitedPlan} currentPlan={current?.plan.code ?? null} />
      {failure ? (
        <Alert tone="error" title="Stripe could not be opened" className="mb-6">
          {failure.formError}
        </Alert>
      ) : null}
      {current ? (
        <SubscriptionSections subscription={current} />
      ) : (
        <Alert tone="warning" title="Your subscription is not available" className="mb-6">
          {subscription.error?.detail ?? subscription.error?.title}
        </Alert>
      )}

      <section aria-labelledby="plans-heading" className="mt-8">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="plans-heading" className="text-lg font-semibold text-slate-900">
            Plans
          </h2>
          {mayManage ? null : <p className="text-sm text-slate-500">Your organisation’s admins can change the plan.</p>}
        </div>
        <PlanCards
          plans={plans}
          choice={{
            current: current?.plan.code ?? null,
            currentFeeCents: current?.plan.monthlyFeeCents ?? 0,
            managedByStripe: current?.managedByStripe ?? false,
            mayManage,
          }}
        />
      </section>

      <LatestInvoicesCard title="Invoices" invoices={invoices} className="mt-8" />
    </>
  );
}

function SubscriptionSections({ subscription }: { subscription: SubscriptionView }) {
  const { plan } = subscription;
  const pastDue = subscription.status === 'past_due';
  return (
    <div className="space-y-6">
      {pastDue ? (
        <Alert tone="error" title="A payment is overdue">
          Your payment has been overdue since {formatDate(subscription.pastDueSince)}.
          {subscription.callsRefusedFrom
            ? ` Unless it arrives, your bots stop taking calls on ${formatDate(subscription.callsRefusedFrom)}.`
            : ''}{' '}
          Pay the open invoice below or update your card.
        </Alert>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader
            title="Your plan"
            description={`${formatDate(subscription.period.from)} – ${formatDate(subscription.period.to)}`}
          />
          <CardBody>
            <p className="flex flex-wrap items-center gap-3">
              <span data-testid="current-plan" className="text-2xl font-semibold tracking-tight text-slate-900">
                {plan.name}
              </span>
              {pastDue ? <Badge tone="red">Past due</Badge> : <Badge tone="green">Active</Badge>}
            </p>
            <div className="mt-4">
              <DetailList
                columns={1}
                items={[
                  { label: 'Monthly fee', value: formatMoney(plan.monthlyFeeCents, plan.currency) },
                  {
                    label: 'Paid through',
                    value: subscription.managedByStripe
                      ? 'Your Stripe subscription (the fee); your monthly invoice (usage)'
                      : 'Your monthly invoice',
                  },
                ]}
              />
            </div>
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Usage this month" description="Against the limits of your plan." />
          <CardBody className="space-y-6">
            <LimitBars limits={subscription.limits} />
            <dl className="grid grid-cols-2 gap-3 border-t border-slate-100 pt-4 text-sm sm:grid-cols-5">
              {USAGE_KINDS.map((kind) => (
                <div key={kind} data-usage={kind}>
                  <dt className="text-slate-500">{USAGE_LABELS[kind].label}</dt>
                  <dd className="font-medium tabular-nums text-slate-900">{formatNumber(subscription.usage[kind])}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader
          title="Estimated invoice so far"
          description={
            subscription.managedByStripe
              ? 'The monthly fee is collected by your Stripe subscription; your monthly invoice bills the usage.'
              : 'What this month comes to at today’s usage; the invoice follows when the month ends.'
          }
        />
        <EstimateTable estimate={subscription.estimate} />
      </Card>
    </div>
  );
}

function ManageSubscription() {
  const navigation = useNavigation();
  const opening = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'portal';
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="portal" />
      <Button type="submit" variant="secondary" disabled={navigation.state !== 'idle'}>
        {opening ? 'Opening…' : 'Manage subscription'}
      </Button>
    </Form>
  );
}
