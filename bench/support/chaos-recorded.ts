import { Invoice } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { periodDays, type BillingPeriod } from '../../domain/billing/billing-period';
import { simRequest } from '../../sim/sim-control';

const scope = { system: 'bench-chaos' };

export interface RecordedCalls {
  /** Distinct calls with a `call_started` event, and their billable minutes (all `minutes` events). */
  calls: number;
  minutes: number;
  /** Usage events beyond one per call and kind, and call logs beyond one per call (both must be 0). */
  duplicateEvents: number;
  duplicateLogs: number;
  /** Placed calls with no `call_started`, or not metered to the end (no `ended_at`). */
  lost: number;
  unmetered: number;
  /** Recorded calls the load side never placed, and placed calls billed another number of minutes. */
  unexpected: number;
  wrongMinutes: number;
  /** Call logs by final status. */
  statuses: Record<string, number>;
}

/** What the platform recorded for the tenant's calls, call by call against the minutes the load side expects. */
export async function recordedCalls(
  orm: Orm,
  tenantId: string,
  expectedMinutes: Map<string, number>,
): Promise<RecordedCalls> {
  const [events, logs] = await inScope(orm, scope, async (em) => [
    await em.execute<{ call_sid: string; kind: string; events: string; quantity: string }[]>(
      `select call_sid, kind, count(*)::text as events, sum(quantity)::text as quantity from usage_events
        where tenant_id = ? and source = 'twilio' and kind in ('call_started', 'minutes') group by 1, 2`,
      [tenantId],
    ),
    await em.execute<{ external_call_id: string; status: string; logs: string; ended: string }[]>(
      `select external_call_id, status, count(*)::text as logs, count(ended_at)::text as ended from call_logs
        where tenant_id = ? and provider = 'twilio' group by 1, 2`,
      [tenantId],
    ),
  ]);
  const started = new Set<string>();
  const minutes = new Map<string, number>();
  let duplicateEvents = 0;
  for (const row of events) {
    duplicateEvents += Number(row.events) - 1;
    if (row.kind === 'call_started') started.add(row.call_sid);
    else minutes.set(row.call_sid, (minutes.get(row.call_sid) ?? 0) + Number(row.quantity));
  }
  const logsPerCall = new Map<string, number>();
  const ended = new Set<string>();
  const statuses: Record<string, number> = {};
  for (const row of logs) {
    logsPerCall.set(row.external_call_id, (logsPerCall.get(row.external_call_id) ?? 0) + Number(row.logs));
    if (Number(row.ended) > 0) ended.add(row.external_call_id);
    statuses[row.status] = (statuses[row.status] ?? 0) + Number(row.logs);
  }
  let lost = 0;
  let unmetered = 0;
  let wrongMinutes = 0;
  for (const [callSid, expected] of expectedMinutes) {
    if (!started.has(callSid)) lost += 1;
    if (!ended.has(callSid)) unmetered += 1;
    if ((minutes.get(callSid) ?? 0) !== expected) wrongMinutes += 1;
  }
  const recordedSids = new Set([...started, ...minutes.keys(), ...logsPerCall.keys()]);
  return {
    calls: started.size,
    minutes: [...minutes.values()].reduce((sum, value) => sum + value, 0),
    duplicateEvents,
    duplicateLogs: [...logsPerCall.values()].reduce((sum, count) => sum + count - 1, 0),
    lost,
    unmetered,
    unexpected: [...recordedSids].filter((callSid) => !expectedMinutes.has(callSid)).length,
    wrongMinutes,
    statuses,
  };
}

/** Calls of the tenant metered to the end, and inbox rows of the relay group not yet delivered (or given up). */
export async function backlog(orm: Orm, tenantId: string, relayGroup: string) {
  return inScope(orm, scope, async (em) => {
    const [row] = await em.execute<{ metered: string; pending: string; failed: string }[]>(
      `select (select count(*) from call_logs where tenant_id = ? and ended_at is not null)::text as metered,
              (select count(*) from webhook_events where relay_group = ? and status = 'pending')::text as pending,
              (select count(*) from webhook_events where relay_group = ? and status = 'failed')::text as failed`,
      [tenantId, relayGroup, relayGroup],
    );
    return { metered: Number(row!.metered), inboxPending: Number(row!.pending), inboxFailed: Number(row!.failed) };
  });
}

export interface InvoicedTotals {
  /** The platform's invoice row for the period (null: none), and its status. */
  platform: { totalCents: number; status: string } | null;
  /** The simulator's Stripe invoices of the tenant for the period: how many, and the sum of the finalized ones. */
  stripe: { invoices: number; totalCents: number; statuses: Record<string, number> };
}

/** The period's invoice on both sides: the platform's row, and what the Stripe simulator holds (read over HTTP). */
export async function invoicedTotals(
  orm: Orm,
  simulatorUrl: string,
  tenantId: string,
  period: BillingPeriod,
): Promise<InvoicedTotals> {
  const row = await inScope(orm, scope, (em) =>
    em.findOne(Invoice, { tenantId, periodStart: periodDays(period).start }, { fields: ['status', 'totalCents'] }),
  );
  const state = (await simRequest(simulatorUrl)('GET', '/state')) as {
    stripe: { invoices: { status: string; total: number; metadata: Record<string, string> }[] };
  };
  const invoices = state.stripe.invoices.filter(
    (invoice) => invoice.metadata.tenantId === tenantId && invoice.metadata.period === period,
  );
  const statuses: Record<string, number> = {};
  for (const invoice of invoices) statuses[invoice.status] = (statuses[invoice.status] ?? 0) + 1;
  return {
    platform: row ? { totalCents: Number(row.totalCents), status: row.status } : null,
    stripe: {
      invoices: invoices.length,
      totalCents: invoices
        .filter((invoice) => invoice.status !== 'draft' && invoice.status !== 'void')
        .reduce((sum, invoice) => sum + invoice.total, 0),
      statuses,
    },
  };
}
