import type { IntegrationStatus } from '../../contracts/integration';
import type { IntegrationCheckDetail } from '../../contracts/integrations';
import type { KeyCheckResult } from './elevenlabs-accounts-port';

export const INVALID_KEY_REASON =
  'ElevenLabs refused the key (invalid or revoked). Check that it was copied whole and still exists under ' +
  'Developers → API keys in ElevenLabs.';

/** What a connection test records: ACTIVE with what the key can and cannot do, or ERROR with why, in words. */
export function keyCheckOutcome(result: KeyCheckResult): {
  status: Exclude<IntegrationStatus, 'unverified'>;
  lastError: string | null;
  checkDetail: IntegrationCheckDetail | null;
} {
  if (result.status === 'active') {
    return { status: 'active', lastError: null, checkDetail: { tier: result.tier, limitations: result.limitations } };
  }
  if (result.reason === 'invalid_key') return { status: 'error', lastError: INVALID_KEY_REASON, checkDetail: null };
  const permission = result.permission ?? 'a required';
  return {
    status: 'error',
    lastError:
      `The key lacks the "${permission}" permission, which monitoring needs to read agents and conversations. ` +
      'Enable it for this key in ElevenLabs (Developers → API keys) or create a key that has it.',
    checkDetail: null,
  };
}
