import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { checkoutPages } from './checkout-pages';
import { invoicePages } from './invoice-pages';
import { portalPages } from './portal-pages';

/**
 * Stripe's hosted pages (checkout.stripe.com, billing.stripe.com, invoice.stripe.com) under `/stripe`: what
 * the `url`s, `hosted_invoice_url`s and `invoice_pdf`s the simulator hands out open. No API key, as in a browser.
 */
export async function stripePages(app: FastifyInstance, { sim }: { sim: SimContext }) {
  await app.register(checkoutPages, { sim });
  await app.register(portalPages, { sim });
  await app.register(invoicePages, { sim });
}
