import { SUBSCRIPTION_STATUSES } from '../../contracts/subscription-status';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const Subscription = defineEntity({
  name: 'Subscription',
  tableName: 'subscriptions',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    planId: p.uuid(),
    status: p.enum(SUBSCRIPTION_STATUSES),
    /** Set exactly while `past_due` (the database checks it); dunning counts its schedule from here. */
    pastDueSince: p.datetime().nullable(),
    /** When dunning will suspend the calls unless the payment arrives (decision 011). */
    suspensionDueAt: p.datetime().nullable(),
    /** When dunning suspended the calls; the call gate reads this (domain/billing/gates.ts). */
    suspendedAt: p.datetime().nullable(),
    /** The Stripe subscription behind this one, once Checkout has created it. */
    stripeSubscriptionId: p.text().nullable(),
    currentPeriodStart: p.datetime(),
    currentPeriodEnd: p.datetime(),
    createdAt: createdAtColumn(),
  },
});
export type Subscription = InferEntity<typeof Subscription>;
