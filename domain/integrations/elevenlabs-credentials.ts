import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SecretBox } from '../secrets/secret-box';
import { keyFingerprint } from './key-fingerprint';
import { apiKeyContext } from './sealed-contexts';

export interface ElevenLabsCredentials {
  integrationId: string;
  tenantId: string;
  status: Integration['status'];
  apiKey: string;
  /** Names this key without it (key-fingerprint.ts). */
  keyFingerprint: string;
}

/**
 * The tenant's ElevenLabs key, opened, with its integration's status; null when it has no ElevenLabs integration.
 * Throws SealedSecretError when no configured key opens it. (The webhook secret is opened only by the webhook
 * route, find-post-call-receiver.ts.)
 */
export async function loadElevenLabsCredentials(
  deps: { orm: Orm; secretBox: SecretBox },
  { tenantId }: { tenantId: string },
): Promise<ElevenLabsCredentials | null> {
  const integration = await inScope(deps.orm, { tenantId }, (em) =>
    em.findOne(
      Integration,
      { tenantId, provider: 'elevenlabs' },
      { fields: ['id', 'tenantId', 'status', 'secretCiphertext'] },
    ),
  );
  if (!integration) return null;
  return {
    integrationId: integration.id,
    tenantId: integration.tenantId,
    status: integration.status,
    apiKey: deps.secretBox.open(integration.secretCiphertext, apiKeyContext(integration.id)),
    keyFingerprint: keyFingerprint(integration.secretCiphertext),
  };
}
