import { randomInt, randomUUID } from 'node:crypto';

import { Bot, Invoice, UsageEvent } from '../../../db/entities';
import type { Orm } from '../../../db/orm';
import { inScope } from '../../../db/scope';
import type { UsageKind } from '../../../contracts/usage-kind';

/** A ready bot, written straight to the database (no provisioning run needed to look at it). */
export function makeReadyBot(orm: Orm, tenantId: string, name: string) {
  return inScope(orm, { system: 'test' }, async (em) => {
    const bot = em.create(Bot, {
      tenantId,
      name,
      status: 'ready',
      locale: 'de-AT',
      voice: 'elevenlabs:Rachel',
      greeting: 'Grüß Gott, wie kann ich helfen?',
      twilioNumber: `+43720${randomInt(100_000, 1_000_000)}`,
      herokuAppName: `vp-${randomUUID().replace(/-/g, '').slice(0, 24)}`,
    });
    await em.flush();
    return bot;
  });
}

/** Usage events as the metering would record them; a trigger rolls them up for the summary API. */
export function recordUsage(
  orm: Orm,
  tenantId: string,
  botId: string | null,
  events: Array<{ at: Date; kind: UsageKind; quantity: number }>,
) {
  return inScope(orm, { system: 'test' }, async (em) => {
    for (const event of events) {
      em.create(UsageEvent, {
        tenantId,
        botId,
        kind: event.kind,
        quantity: event.quantity,
        occurredAt: event.at,
        idempotencyKey: `e2e-${randomUUID()}`,
        source: 'e2e-test',
      });
    }
    await em.flush();
  });
}

export function makeInvoice(
  orm: Orm,
  tenantId: string,
  invoice: Pick<Invoice, 'periodStart' | 'periodEnd' | 'status' | 'totalCents'> & { hosted?: boolean; pdf?: boolean },
) {
  return inScope(orm, { system: 'test' }, async (em) => {
    const stripeId = `in_e2e_${randomUUID().slice(0, 8)}`;
    const created = em.create(Invoice, {
      tenantId,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      status: invoice.status,
      totalCents: invoice.totalCents,
      currency: 'EUR',
      stripeInvoiceId: stripeId,
      hostedInvoiceUrl: invoice.hosted === false ? null : `https://invoice.stripe.com/i/${stripeId}`,
      pdfUrl: invoice.pdf ? `https://invoice.stripe.com/i/${stripeId}/pdf` : null,
    });
    await em.flush();
    return created;
  });
}
