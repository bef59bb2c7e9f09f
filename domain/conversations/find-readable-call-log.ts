import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { notFound } from '../errors/app-error';
import { callLogWhere } from './call-log-filters';
import { findCallLogDetailRow, type CallLogDetailRow } from './call-log-rows';
import { callLogTenant } from './call-log-tenant';

/** One ElevenLabs call log the actor may read, with everything stored about it; another tenant's is not found. */
export async function findReadableCallLog(
  deps: { orm: Orm },
  { actor, id }: { actor: Actor; id: string },
): Promise<CallLogDetailRow> {
  const where = callLogWhere({}, callLogTenant(actor, undefined));
  where.sql += ' and c.id = ?';
  where.params.push(id);
  const row = await inScope(deps.orm, scopeOf(actor), (em) => findCallLogDetailRow(em, where));
  if (!row) throw notFound('Call');
  return row;
}
