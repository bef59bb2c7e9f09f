import { ApplicationFailure } from '@temporalio/activity';
import type { Orm } from '../db/orm';
import { ELEVENLABS_INTEGRATION_MISSING } from '../domain/conversations/conversation-failures';
import { loadElevenLabsCredentials } from '../domain/integrations/elevenlabs-credentials';
import type { SecretBox } from '../domain/secrets/secret-box';
import type { ElevenLabsMonitoring } from './adapters/elevenlabs-monitoring';

export interface ElevenLabsAccountDeps {
  orm: Orm;
  /** Opens tenants' sealed ElevenLabs keys. */
  secretBox: SecretBox;
  /** The monitoring adapter for one tenant's key. */
  elevenLabs: (apiKey: string) => ElevenLabsMonitoring;
}

/**
 * The tenant's ElevenLabs account, with its key read afresh on every call (a key saved meanwhile is used at once).
 * A tenant without an integration fails for good: there is nothing to retry with.
 */
export async function elevenLabsAccountOf(
  deps: ElevenLabsAccountDeps,
  tenantId: string,
): Promise<ElevenLabsMonitoring> {
  return (await elevenLabsAccountWithKeyOf(deps, tenantId)).account;
}

/** The account and the fingerprint of the key it was opened with, for a refusal to name that key. */
export async function elevenLabsAccountWithKeyOf(
  deps: ElevenLabsAccountDeps,
  tenantId: string,
): Promise<{ account: ElevenLabsMonitoring; keyFingerprint: string }> {
  const credentials = await loadElevenLabsCredentials(deps, { tenantId });
  if (!credentials) {
    throw ApplicationFailure.nonRetryable(
      `Tenant ${tenantId} has no ElevenLabs integration`,
      ELEVENLABS_INTEGRATION_MISSING,
    );
  }
  return { account: deps.elevenLabs(credentials.apiKey), keyFingerprint: credentials.keyFingerprint };
}
