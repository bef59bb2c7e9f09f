import { randomUUID } from 'node:crypto';
import { AuditLog, Invoice } from '../../db/entities';
import { createOrm, type Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import {
  applyStripeEvent,
  stripeEventFacts,
  type StripeEventFacts,
  type VerifiedStripeEvent,
} from '../../domain/billing/apply-stripe-event';
import { findTenantPlan } from '../../domain/billing/find-tenant-plan';
import { makeTenant, subscribeTenant } from '../support/factories';
import { testDatabaseUrl } from '../support/harness';

type Session = Extract<VerifiedStripeEvent, { object: 'checkout_session' }>['checkoutSession'];

const PRO_PRICE = 'price_voiceplane_pro_monthly';
const ENTERPRISE_PRICE = 'price_voiceplane_enterprise_monthly';
const stripeId = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '')}`;

/**
 * Stripe events applied as the inbox relay applies them (after the signature was checked), for the cases the
 * simulator does not produce: sessions that are incomplete, name no plan or arrive twice, tenants without a
 * subscription, subscription events the platform does not follow, and rows recorded by earlier builds.
 */
describe('applying Stripe events to a tenant', () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
  });
  afterAll(() => orm?.close());

  const apply = (tenantId: string, event: StripeEventFacts) => applyStripeEvent({ orm }, { tenantId, event });
  const planOf = (tenantId: string) =>
    inScope(orm, { system: 'test' }, async (em) => {
      const current = await findTenantPlan(em, tenantId);
      return current
        ? {
            plan: current.plan.code,
            status: current.subscription.status,
            stripeSubscriptionId: current.subscription.stripeSubscriptionId ?? null,
          }
        : null;
    });
  // Entries of one transaction share their time, so the action breaks the tie: the order is the same every run.
  const auditsOf = async (tenantId: string) =>
    (
      await inScope(orm, { system: 'test' }, (em) =>
        em.find(AuditLog, { tenantId }, { orderBy: { createdAt: 'asc', action: 'asc' } }),
      )
    ).map((entry) => ({ action: entry.action, details: entry.details }));

  /** `checkout.session.completed` as the verifier hands it over, read into facts as the inbox keeps them. */
  const completedCheckout = (tenantId: string, session: Partial<Session> = {}) =>
    stripeEventFacts({
      id: stripeId('evt'),
      type: 'checkout.session.completed',
      createdAt: new Date(),
      object: 'checkout_session',
      checkoutSession: {
        id: stripeId('cs'),
        customerId: stripeId('cus'),
        status: 'complete',
        subscriptionId: stripeId('sub'),
        clientReferenceId: tenantId,
        metadata: { tenantId, planCode: 'pro' },
        amountSubtotalCents: 4900,
        currency: 'eur',
        ...session,
      },
    })!;

  const subscriptionEvent = (
    type: string,
    subscription: { id: string; status: string; priceId?: string | null },
  ): StripeEventFacts => ({
    id: stripeId('evt'),
    type,
    customerId: stripeId('cus'),
    at: new Date().toISOString(),
    invoiceId: null,
    subscription,
  });

  describe('a completed Checkout session', () => {
    it('changes nothing for a session that is not complete or created no subscription', async () => {
      const tenant = await makeTenant(orm);
      await subscribeTenant(orm, tenant.id, 'starter');
      await apply(tenant.id, completedCheckout(tenant.id, { status: 'open' }));
      await apply(tenant.id, completedCheckout(tenant.id, { subscriptionId: null }));
      expect(await planOf(tenant.id)).toEqual({ plan: 'starter', status: 'active', stripeSubscriptionId: null });
      expect(await auditsOf(tenant.id)).toEqual([]);
    });

    it('refuses a session that names no plan, or only a free one, and audits why', async () => {
      const tenant = await makeTenant(orm);
      await subscribeTenant(orm, tenant.id, 'starter');
      await apply(tenant.id, completedCheckout(tenant.id, { metadata: { tenantId: tenant.id } }));
      await apply(tenant.id, completedCheckout(tenant.id, { metadata: { planCode: 'starter' } }));

      expect(await planOf(tenant.id)).toEqual({ plan: 'starter', status: 'active', stripeSubscriptionId: null });
      const refusals = (await auditsOf(tenant.id)).map(({ action, details }) => ({
        action,
        reason: details.reason,
        planCode: details.planCode,
      }));
      // Two refusals may share a millisecond: compared as a set.
      expect(refusals).toHaveLength(2);
      expect(refusals).toEqual(
        expect.arrayContaining([
          { action: 'subscription.checkout_refused', reason: 'the session names no paid plan', planCode: null },
          { action: 'subscription.checkout_refused', reason: 'the session names no paid plan', planCode: 'starter' },
        ]),
      );
    });

    it('changes and audits nothing when the session’s subscription is linked already (a redelivery)', async () => {
      const tenant = await makeTenant(orm);
      const linked = stripeId('sub');
      await subscribeTenant(orm, tenant.id, 'pro', { stripeSubscriptionId: linked });
      await apply(tenant.id, completedCheckout(tenant.id, { subscriptionId: linked }));
      expect(await planOf(tenant.id)).toEqual({ plan: 'pro', status: 'active', stripeSubscriptionId: linked });
      expect(await auditsOf(tenant.id)).toEqual([]);
    });

    it('keeps the first Stripe subscription when a second session is paid, and audits the refusal', async () => {
      const tenant = await makeTenant(orm);
      const first = stripeId('sub');
      await subscribeTenant(orm, tenant.id, 'pro', { stripeSubscriptionId: first });
      const second = completedCheckout(tenant.id, { metadata: { planCode: 'enterprise' }, amountSubtotalCents: 49900 });
      await apply(tenant.id, second);

      expect(await planOf(tenant.id)).toEqual({ plan: 'pro', status: 'active', stripeSubscriptionId: first });
      expect(await auditsOf(tenant.id)).toEqual([
        {
          action: 'subscription.checkout_refused',
          details: {
            reason: `Stripe subscription ${first} is linked already`,
            planCode: 'enterprise',
            stripeCheckoutSessionId: second.checkout!.sessionId,
            stripeSubscriptionId: second.checkout!.subscriptionId,
            stripeEventId: second.id,
            system: 'stripe-webhooks',
          },
        },
      ]);
    });

    it('opens a subscription on the paid plan for a tenant that has none, linked to the Stripe subscription', async () => {
      const tenant = await makeTenant(orm);
      const event = completedCheckout(tenant.id);
      await apply(tenant.id, event);

      const subscriptionId = event.checkout!.subscriptionId;
      expect(await planOf(tenant.id)).toEqual({ plan: 'pro', status: 'active', stripeSubscriptionId: subscriptionId });
      expect(
        (await auditsOf(tenant.id)).map(({ action, details }) => [action, details.from, details.planCode]),
      ).toEqual([
        ['subscription.plan_changed', null, undefined],
        ['subscription.stripe_linked', undefined, 'pro'],
      ]);
    });

    it('links a session for the plan the tenant is on already without changing its plan, its amount unreported', async () => {
      const tenant = await makeTenant(orm);
      await subscribeTenant(orm, tenant.id, 'pro');
      const event = completedCheckout(tenant.id, { amountSubtotalCents: null, currency: null });
      await apply(tenant.id, event);

      expect(await planOf(tenant.id)).toEqual({
        plan: 'pro',
        status: 'active',
        stripeSubscriptionId: event.checkout!.subscriptionId,
      });
      expect((await auditsOf(tenant.id)).map((entry) => entry.action)).toEqual(['subscription.stripe_linked']);
    });
  });

  describe('subscription and invoice events', () => {
    it('reads a subscription event without items as naming no price', () => {
      const facts = stripeEventFacts({
        id: 'evt_1',
        type: 'customer.subscription.updated',
        createdAt: new Date('2026-11-01T00:00:00Z'),
        object: 'subscription',
        subscription: { id: 'sub_1', customerId: 'cus_1', status: 'active', items: [] },
      });
      expect(facts?.subscription).toEqual({ id: 'sub_1', status: 'active', priceId: null });
    });

    it('ignores subscription events it does not follow, such as created, for the linked subscription', async () => {
      const tenant = await makeTenant(orm);
      const linked = stripeId('sub');
      await subscribeTenant(orm, tenant.id, 'pro', { stripeSubscriptionId: linked });
      await apply(
        tenant.id,
        subscriptionEvent('customer.subscription.created', {
          id: linked,
          status: 'past_due',
          priceId: ENTERPRISE_PRICE,
        }),
      );
      expect(await planOf(tenant.id)).toEqual({ plan: 'pro', status: 'active', stripeSubscriptionId: linked });
      expect(await auditsOf(tenant.id)).toEqual([]);
    });

    it('keeps the status for a Stripe status it does not follow (incomplete)', async () => {
      const tenant = await makeTenant(orm);
      const linked = stripeId('sub');
      await subscribeTenant(orm, tenant.id, 'pro', { stripeSubscriptionId: linked });
      await apply(
        tenant.id,
        subscriptionEvent('customer.subscription.updated', { id: linked, status: 'incomplete', priceId: PRO_PRICE }),
      );
      expect(await planOf(tenant.id)).toEqual({ plan: 'pro', status: 'active', stripeSubscriptionId: linked });
      expect(await auditsOf(tenant.id)).toEqual([]);
    });

    it('follows the status of an update recorded before prices were kept, leaving the plan', async () => {
      const tenant = await makeTenant(orm);
      const linked = stripeId('sub');
      await subscribeTenant(orm, tenant.id, 'pro', { stripeSubscriptionId: linked });
      // Inbox rows written by earlier builds have no `priceId` at all.
      await apply(tenant.id, subscriptionEvent('customer.subscription.updated', { id: linked, status: 'unpaid' }));
      expect(await planOf(tenant.id)).toEqual({ plan: 'pro', status: 'past_due', stripeSubscriptionId: linked });
      expect((await auditsOf(tenant.id)).map((entry) => entry.action)).toEqual(['subscription.past_due']);
    });

    it('opens a draft invoice on invoice.finalized, audited as opened', async () => {
      const tenant = await makeTenant(orm);
      const stripeInvoiceId = stripeId('in');
      const invoiceId = randomUUID();
      await inScope(orm, { system: 'test' }, (em) =>
        em.execute(
          `insert into invoices (id, tenant_id, period_start, period_end, status, currency, total_cents, stripe_invoice_id)
           values (?, ?, '2026-10-01', '2026-10-31', 'draft', 'EUR', 4900, ?)`,
          [invoiceId, tenant.id, stripeInvoiceId],
        ),
      );
      const event: StripeEventFacts = {
        ...subscriptionEvent('invoice.finalized', { id: 'unused', status: 'active' }),
        invoiceId: stripeInvoiceId,
        subscription: null,
      };
      await apply(tenant.id, event);

      const invoice = await inScope(orm, { system: 'test' }, (em) => em.findOneOrFail(Invoice, { id: invoiceId }));
      expect(invoice.status).toBe('open');
      expect(await auditsOf(tenant.id)).toEqual([
        {
          action: 'invoice.opened',
          details: { from: 'draft', to: 'open', stripeInvoiceId, stripeEventId: event.id, system: 'stripe-webhooks' },
        },
      ]);
    });

    it('ignores events about an invoice or a subscription the platform does not know', async () => {
      const tenant = await makeTenant(orm);
      const linked = stripeId('sub');
      await subscribeTenant(orm, tenant.id, 'pro', {
        stripeSubscriptionId: linked,
        status: 'past_due',
        pastDueSince: new Date(),
      });
      await apply(tenant.id, {
        ...subscriptionEvent('invoice.paid', { id: 'unused', status: 'active' }),
        invoiceId: stripeId('in'),
        subscription: null,
      });
      await apply(tenant.id, subscriptionEvent('customer.subscription.deleted', { id: stripeId('sub'), status: 'x' }));
      expect(await planOf(tenant.id)).toEqual({ plan: 'pro', status: 'past_due', stripeSubscriptionId: linked });
      expect(await auditsOf(tenant.id)).toEqual([]);
    });
  });
});
