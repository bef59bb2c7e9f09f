import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { audioPrefixFor, type AudioStore } from '../conversations/audio-store';
import { assertOffboarding } from './assert-offboarding';

/**
 * Deletes every call recording of an offboarding tenant: its whole folder in the recordings store, so a recording
 * no call log names (a crash between storing it and recording its key) goes too. Runs after the sync is stopped, so
 * nothing writes there any more, and before the rows go, while the guard can still tell an offboarding tenant from a
 * live one. Returns how many went; repeating it finds none.
 */
export async function removeOffboardedRecordings(
  deps: { orm: Orm; audio: AudioStore },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<number> {
  await inScope(deps.orm, actor, (em) => assertOffboarding(em, tenantId));
  return deps.audio.removePrefix(audioPrefixFor(tenantId));
}
