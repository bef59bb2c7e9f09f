import type { CallLogDetail } from '../../contracts/call-logs';
import type { Orm } from '../../db/orm';
import type { Actor } from '../auth/actor';
import { toCallLogDetail } from './call-log-view';
import { findReadableCallLog } from './find-readable-call-log';

/** A call with its transcript as a conversation, ElevenLabs' analysis, cost and where its recording streams from. */
export async function getCallLog(deps: { orm: Orm }, input: { actor: Actor; id: string }): Promise<CallLogDetail> {
  return toCallLogDetail(await findReadableCallLog(deps, input));
}
