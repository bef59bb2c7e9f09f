import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SimContext } from '../context';
import { endSubscription } from './announce';
import { escapeHtml, page } from './html';
import type { StripePortalSession, StripeState, StripeSubscription } from './state';
import { changeSubscriptionItems } from './subscriptions';

type PortalParams = { Params: { id: string; subscription?: string; price?: string } };

/** The other monthly prices a subscription may switch to (same currency), as a configured portal offers them. */
const switchablePrices = (stripe: StripeState, subscription: StripeSubscription) =>
  [...stripe.prices.values()].filter(
    (price) =>
      price.active &&
      price.recurring &&
      price.currency === subscription.currency &&
      !subscription.items.some((item) => item.price === price.id),
  );

/** `#switch-to-<lookup key>` buttons for the first live subscription (a one-item subscription, as the platform's). */
function switchForms(stripe: StripeState, session: StripePortalSession, subscription: StripeSubscription): string {
  return switchablePrices(stripe, subscription)
    .map((price) => {
      const name = escapeHtml(price.nickname ?? price.id);
      const action = `/stripe/billing-portal/${session.id}/subscriptions/${subscription.id}/price/${price.id}`;
      return `<form method="post" action="${action}"><button id="switch-to-${escapeHtml(price.lookupKey ?? price.id)}" type="submit">Switch to ${name}</button></form>`;
    })
    .join('');
}

/**
 * The customer portal a portal session's `url` opens: the customer's subscriptions, a `#cancel-subscription`
 * button for the first live one (`#cancel-subscription-<id>` for any further), `#switch-to-<lookup key>` buttons
 * that move the first live one to another monthly price, and a `#return` link to `return_url`. Cancelling ends the
 * subscription at once and switching does not prorate (the portal can be configured so on Stripe).
 */
export async function portalPages(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const stripe = () => sim.state.stripe;
  const notFound = (reply: FastifyReply) =>
    reply.code(404).type('text/html').send(page('Portal not found', '<p>This portal session does not exist.</p>'));

  app.get<PortalParams>('/billing-portal/:id', async (request, reply) => {
    const session = stripe().portalSessions.get(request.params.id);
    if (!session) return notFound(reply);
    const subscriptions = [...stripe().subscriptions.values()].filter((s) => s.customer === session.customer);
    let live = 0;
    const rows = subscriptions.map((subscription) => {
      const first = subscription.status !== 'canceled' && live === 0;
      const names = subscription.items
        .map((item) => stripe().prices.get(item.price)?.nickname ?? item.price)
        .join(', ');
      const action =
        subscription.status === 'canceled'
          ? ''
          : `<form method="post" action="/stripe/billing-portal/${session.id}/subscriptions/${subscription.id}/cancel">
<button id="${live++ === 0 ? 'cancel-subscription' : `cancel-subscription-${subscription.id}`}" type="submit">Cancel subscription</button></form>${
              first ? switchForms(stripe(), session, subscription) : ''
            }`;
      return `<tr><td>${escapeHtml(names)}</td><td class="status">${subscription.status}</td><td>${action}</td></tr>`;
    });
    const back = session.returnUrl
      ? `<p><a id="return" href="${escapeHtml(session.returnUrl)}">Return to VoicePlane</a></p>`
      : '';
    const list = rows.length ? `<table>${rows.join('')}</table>` : '<p>No subscriptions.</p>';
    return reply.type('text/html').send(page('Manage your subscription', list + back));
  });

  app.post<PortalParams>('/billing-portal/:id/subscriptions/:subscription/cancel', async (request, reply) => {
    const session = stripe().portalSessions.get(request.params.id);
    const subscription = stripe().subscriptions.get(request.params.subscription ?? '');
    if (!session || subscription?.customer !== session.customer) return notFound(reply);
    endSubscription(sim, subscription);
    return reply.redirect(`/stripe/billing-portal/${session.id}`, 303);
  });

  app.post<PortalParams>('/billing-portal/:id/subscriptions/:subscription/price/:price', async (request, reply) => {
    const session = stripe().portalSessions.get(request.params.id);
    const subscription = stripe().subscriptions.get(request.params.subscription ?? '');
    if (!session || subscription?.customer !== session.customer || subscription.status === 'canceled') {
      return notFound(reply);
    }
    const price = switchablePrices(stripe(), subscription).find((candidate) => candidate.id === request.params.price);
    const [item] = subscription.items;
    if (!price || !item) return notFound(reply);
    changeSubscriptionItems(sim, subscription, [{ id: item.id, price }]);
    return reply.redirect(`/stripe/billing-portal/${session.id}`, 303);
  });
}
