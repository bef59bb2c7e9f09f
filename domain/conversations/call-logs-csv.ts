import type { CallLogFilter, CallLogView } from '../../contracts/call-logs';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { asText, csvLines } from '../csv';
import { callLogWhere } from './call-log-filters';
import { findCallLogRows, type CallLogRow } from './call-log-rows';
import { callLogTenant } from './call-log-tenant';
import { toCallLogView } from './call-log-view';

/** An export is built in memory: beyond this many calls it stops and says so in its last line. */
export const CALL_LOG_CSV_MAX = 10_000;

type Column = [string, (call: CallLogView, row: CallLogRow) => string | null];
const text = (value: string | null) => (value === null ? null : asText(value));
const COLUMNS: Column[] = [
  ['started_at', (call) => call.startedAt],
  ['call_id', (call) => call.id],
  ['conversation_id', (call) => text(call.conversationId)],
  ['agent', (call) => text(call.agentName)],
  ['status', (call) => call.status],
  ['outcome', (call) => call.outcome],
  ['direction', (call) => call.direction],
  ['duration_seconds', (call) => (call.durationSeconds === null ? null : String(call.durationSeconds))],
  ['cost_usd', (_, row) => row.cost_usd],
  ['language', (call) => text(call.language)],
  ['from_number', (call) => text(call.fromNumber)],
  ['to_number', (call) => text(call.toNumber)],
  ['title', (call) => text(call.title)],
  ['summary', (_, row) => text(row.summary)],
  ['termination_reason', (_, row) => text(row.termination_reason)],
];

export interface CallLogsCsv {
  csv: string;
  /** More calls matched than an export holds; the last line says so. */
  capped: boolean;
}

/**
 * The filtered history as CSV (RFC 4180, CRLF), newest first, in the same order and with the same filters as
 * the list. Every text that came from a caller or ElevenLabs is kept from running as a spreadsheet formula.
 */
export async function callLogsCsv(
  deps: { orm: Orm },
  { actor, filter }: { actor: Actor; filter: CallLogFilter },
): Promise<CallLogsCsv> {
  const { tenantId, ...rest } = filter;
  const where = callLogWhere(rest, callLogTenant(actor, tenantId));
  const found = await inScope(deps.orm, scopeOf(actor), (em) => findCallLogRows(em, where, CALL_LOG_CSV_MAX + 1));
  const rows = found.slice(0, CALL_LOG_CSV_MAX);
  const capped = found.length > CALL_LOG_CSV_MAX;
  const lines = [
    COLUMNS.map(([name]) => name),
    ...rows.map((row) => {
      const call = toCallLogView(row);
      return COLUMNS.map(([, value]) => value(call, row));
    }),
  ];
  if (capped) {
    lines.push([`# Only the newest ${CALL_LOG_CSV_MAX} calls are exported: narrow the dates or filters for the rest`]);
  }
  return { csv: csvLines(lines), capped };
}
