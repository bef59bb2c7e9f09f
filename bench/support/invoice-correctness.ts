import { Invoice } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { periodDays } from '../../domain/billing/billing-period';
import type { StripeState } from '../../sim/stripe/state';
import type { ExpectedInvoice } from './expected-invoices';

interface Side {
  totalCents: number;
  invoices: number;
  statuses: Record<string, number>;
  /** Tenants whose invoice here is missing, doubled or of another amount than expected. */
  tenantsOff: number;
}

export interface InvoiceCorrectness {
  expected: { totalCents: number; invoices: number; toStripe: number };
  platform: Side;
  stripe: Side;
  equal: boolean;
}

const count = (statuses: Record<string, number>, status: string) => {
  statuses[status] = (statuses[status] ?? 0) + 1;
};

/**
 * The period's invoices on both sides against the expected ones, tenant by tenant: the platform's rows (every
 * billable tenant has one; a `failed` row bills nothing) and the simulator's Stripe invoices (only tenants with
 * something to pay have one; its total is the sum of its items, as on Stripe).
 */
export async function checkInvoices(
  orm: Orm,
  stripe: StripeState,
  period: string,
  expected: Map<string, ExpectedInvoice>,
): Promise<InvoiceCorrectness> {
  const rows = await inScope(orm, { system: 'bench-invoices' }, (em) =>
    em.find(
      Invoice,
      { tenantId: { $in: [...expected.keys()] }, periodStart: periodDays(period).start },
      { fields: ['tenantId', 'status', 'totalCents'] },
    ),
  );
  const platform: Side = { totalCents: 0, invoices: rows.length, statuses: {}, tenantsOff: 0 };
  const platformByTenant = new Map<string, number[]>();
  for (const row of rows) {
    count(platform.statuses, row.status);
    const billed = row.status === 'failed' ? 0 : Number(row.totalCents);
    platform.totalCents += billed;
    platformByTenant.set(row.tenantId, [...(platformByTenant.get(row.tenantId) ?? []), billed]);
  }

  const itemTotals = new Map<string, number>();
  for (const item of stripe.invoiceItems.values()) {
    if (item.invoice) itemTotals.set(item.invoice, (itemTotals.get(item.invoice) ?? 0) + item.amount);
  }
  const stripeSide: Side = { totalCents: 0, invoices: 0, statuses: {}, tenantsOff: 0 };
  const stripeByTenant = new Map<string, number[]>();
  for (const invoice of stripe.invoices.values()) {
    const tenantId = invoice.metadata.tenantId;
    if (!tenantId || !expected.has(tenantId) || invoice.metadata.period !== period) continue;
    count(stripeSide.statuses, invoice.status);
    stripeSide.invoices += 1;
    const total = invoice.status === 'draft' || invoice.status === 'void' ? 0 : (itemTotals.get(invoice.id) ?? 0);
    stripeSide.totalCents += total;
    stripeByTenant.set(tenantId, [...(stripeByTenant.get(tenantId) ?? []), total]);
  }

  let expectedTotal = 0;
  let toStripe = 0;
  for (const [tenantId, invoice] of expected) {
    expectedTotal += invoice.totalCents;
    if (invoice.totalCents > 0) toStripe += 1;
    const onPlatform = platformByTenant.get(tenantId) ?? [];
    if (onPlatform.length !== 1 || onPlatform[0] !== invoice.totalCents) platform.tenantsOff += 1;
    const onStripe = stripeByTenant.get(tenantId) ?? [];
    const stripeRight =
      invoice.totalCents === 0 ? onStripe.length === 0 : onStripe.length === 1 && onStripe[0] === invoice.totalCents;
    if (!stripeRight) stripeSide.tenantsOff += 1;
  }
  return {
    expected: { totalCents: expectedTotal, invoices: expected.size, toStripe },
    platform,
    stripe: stripeSide,
    equal:
      platform.tenantsOff === 0 &&
      stripeSide.tenantsOff === 0 &&
      platform.totalCents === expectedTotal &&
      stripeSide.totalCents === expectedTotal &&
      !platform.statuses.failed &&
      !stripeSide.statuses.draft,
  };
}
