import type { CallLogListQuery, CallLogPage } from '../../contracts/call-logs';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { decodeCallLogCursor, encodeCallLogCursor } from './call-log-cursor';
import { callLogWhere } from './call-log-filters';
import { findCallLogRows } from './call-log-rows';
import { callLogTenant } from './call-log-tenant';
import { toCallLogView } from './call-log-view';

/**
 * A page of the call history, newest first, after the cursor. Keyset paging: calls arriving between pages
 * neither repeat nor shift the pages after them.
 */
export async function listCallLogs(
  deps: { orm: Orm },
  { actor, query }: { actor: Actor; query: CallLogListQuery },
): Promise<CallLogPage> {
  const { cursor, limit, tenantId, ...filter } = query;
  const tenant = callLogTenant(actor, tenantId);
  const after = cursor ? decodeCallLogCursor(cursor) : null;
  const where = callLogWhere(filter, tenant);
  if (after) {
    where.sql += ` and (c.started_at, c.id) < (timestamptz 'epoch' + ?::bigint * interval '1 microsecond', ?::uuid)`;
    where.params.push(after.startedAtMicros, after.id);
  }
  const rows = await inScope(deps.orm, scopeOf(actor), (em) => findCallLogRows(em, where, limit + 1));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toCallLogView),
    nextCursor:
      rows.length > limit && last ? encodeCallLogCursor({ startedAtMicros: last.started_us, id: last.id }) : null,
  };
}
