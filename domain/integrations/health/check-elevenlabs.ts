import type { IntegrationHealth } from '../../../contracts/integration-health';
import { Integration } from '../../../db/entities';
import type { Orm } from '../../../db/orm';
import { inScope } from '../../../db/scope';
import type { SecretBox } from '../../secrets/secret-box';
import type { ElevenLabsAccounts } from '../elevenlabs-accounts-port';
import { ElevenLabsFailure } from '../elevenlabs-failure';
import { INVALID_KEY_REASON, keyCheckOutcome } from '../key-check-outcome';
import { apiKeyContext } from '../sealed-contexts';
import { notConfigured, probeWithin } from './settle-check';

/**
 * ElevenLabs: configured once the tenant saved its key; reachable when ElevenLabs accepts the key now (a live
 * check, nothing recorded: the connection test on the page records verdicts); last_sync is the sync's last run.
 */
export async function checkElevenLabs(
  deps: { orm: Orm; secretBox: SecretBox; elevenLabs?: { accounts: ElevenLabsAccounts } },
  { tenantId, timeoutMs }: { tenantId: string; timeoutMs: number },
): Promise<IntegrationHealth> {
  const integration = await inScope(deps.orm, { tenantId }, (em) =>
    em.findOne(Integration, { tenantId, provider: 'elevenlabs' }),
  );
  if (!integration) return notConfigured('elevenlabs');
  const known = {
    name: 'elevenlabs' as const,
    configured: true,
    last_sync: integration.lastSyncedAt?.toISOString() ?? null,
    status: integration.status,
  };
  const accounts = deps.elevenLabs?.accounts;
  if (!accounts) return { ...known, reachable: false, error: 'ElevenLabs is not wired in this process' };
  let apiKey: string;
  try {
    apiKey = deps.secretBox.open(integration.secretCiphertext, apiKeyContext(integration.id));
  } catch {
    return { ...known, reachable: false, error: 'The saved key cannot be opened any more; save the key again' };
  }
  const answer = await probeWithin(timeoutMs, () => accounts.checkKey(apiKey).catch(inWords));
  if (!answer.ok) return { ...known, reachable: false, error: answer.error };
  const outcome = keyCheckOutcome(answer.value);
  return { ...known, reachable: outcome.status === 'active', error: outcome.lastError };
}

/** The port's failures in the page's words (their messages name no key). */
function inWords(error: unknown): never {
  if (!(error instanceof ElevenLabsFailure)) throw error;
  if (error.kind === 'key_refused') throw new ElevenLabsFailure('key_refused', INVALID_KEY_REASON);
  const lead = error.kind === 'unreachable' ? 'ElevenLabs did not answer' : 'ElevenLabs refused the check';
  throw new ElevenLabsFailure(error.kind, `${lead}: ${error.message}`);
}
