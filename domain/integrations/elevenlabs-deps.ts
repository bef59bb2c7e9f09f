import type { Orm } from '../../db/orm';
import type { ConversationSyncs } from '../conversations/sync-port';
import { AppError } from '../errors/app-error';
import type { SecretBox } from '../secrets/secret-box';
import type { ElevenLabsAccounts } from './elevenlabs-accounts-port';

/** What the integration and agent use cases need; the API passes its AppDeps. */
export interface ElevenLabsDeps {
  orm: Orm;
  secretBox: SecretBox;
  /** Absent in a process built without ElevenLabs (a benchmark's API): calls to ElevenLabs answer 503. */
  elevenLabs?: { accounts: ElevenLabsAccounts; syncs: ConversationSyncs };
}

function wired(deps: ElevenLabsDeps): NonNullable<ElevenLabsDeps['elevenLabs']> {
  if (!deps.elevenLabs) throw new AppError('unavailable', 'ElevenLabs is not wired in this process');
  return deps.elevenLabs;
}

export const accountsOf = (deps: ElevenLabsDeps): ElevenLabsAccounts => wired(deps).accounts;

export const syncsOf = (deps: ElevenLabsDeps): ConversationSyncs => wired(deps).syncs;

/**
 * Keeps the tenant's sync schedule in step with its key. The change it follows is committed already, so a
 * Temporal outage is reported as such rather than as a failed save.
 */
export async function followSync(deps: ElevenLabsDeps, tenantId: string, active: boolean): Promise<void> {
  if (!deps.elevenLabs) return;
  try {
    await deps.elevenLabs.syncs.follow({ tenantId, active });
  } catch (error) {
    throw new AppError(
      'unavailable',
      'Saved, but the conversation sync could not be updated just now; test the connection again to retry',
      { cause: error },
    );
  }
}
