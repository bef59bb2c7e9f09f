import type { FastifyInstance } from 'fastify';
import { baseUrlOf, type SimContext } from '../context';
import { completeCheckout } from './checkout';
import { escapeHtml, formatAmount, page } from './html';
import { lineAmount } from './money';
import type { IdParams } from './route-kit';

/**
 * The hosted Checkout page a session's `url` opens: the prices, a `#pay` and a `#cancel` button. Pay completes
 * the session and redirects to `success_url` (`{CHECKOUT_SESSION_ID}` filled in); Cancel goes to `cancel_url`.
 */
export async function checkoutPages(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const stripe = () => sim.state.stripe;
  const notFound = (reply: import('fastify').FastifyReply) =>
    reply.code(404).type('text/html').send(page('Checkout not found', '<p>This Checkout Session does not exist.</p>'));

  app.get<IdParams>('/checkout/:id', async (request, reply) => {
    const session = stripe().checkoutSessions.get(request.params.id);
    if (!session) return notFound(reply);
    const rows = session.lineItems.map(({ price, quantity }) => {
      const found = stripe().prices.get(price);
      const product = found ? (stripe().products.get(found.product)?.name ?? found.product) : price;
      const amount = found ? formatAmount(lineAmount(quantity, found.unitAmountDecimal), found.currency) : '?';
      const every = found?.recurring ? ` / ${found.recurring.interval}` : '';
      return `<tr><td>${quantity} × ${escapeHtml(product)}</td><td>${amount}${every}</td></tr>`;
    });
    const actions =
      session.status === 'open'
        ? `<form method="post" action="/stripe/checkout/${session.id}/pay"><button id="pay" type="submit">Pay</button></form>
<form method="post" action="/stripe/checkout/${session.id}/cancel"><button id="cancel" type="submit">Cancel</button></form>`
        : `<p id="status">This Checkout Session is ${session.status}.</p>`;
    const decline = session.declined ? '<p id="error" class="error">Your card was declined.</p>' : '';
    return reply.type('text/html').send(page('Subscribe', `<table>${rows.join('')}</table>${decline}${actions}`));
  });

  app.post<IdParams>('/checkout/:id/pay', async (request, reply) => {
    const session = stripe().checkoutSessions.get(request.params.id);
    if (!session) return notFound(reply);
    if (session.status !== 'open' || completeCheckout(sim, session, baseUrlOf(request)) === 'declined') {
      return reply.redirect(`/stripe/checkout/${session.id}`, 303);
    }
    return reply.redirect(session.successUrl.replaceAll('{CHECKOUT_SESSION_ID}', session.id), 303);
  });

  app.post<IdParams>('/checkout/:id/cancel', async (request, reply) => {
    const session = stripe().checkoutSessions.get(request.params.id);
    if (!session) return notFound(reply);
    if (!session.cancelUrl) {
      return reply.type('text/html').send(page('Checkout canceled', '<p>You can close this page.</p>'));
    }
    return reply.redirect(session.cancelUrl, 303);
  });
}
