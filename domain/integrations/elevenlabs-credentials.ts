import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SecretBox } from '../secrets/secret-box';
import { apiKeyContext, webhookSecretContext } from './sealed-contexts';

export interface ElevenLabsCredentials {
  integrationId: string;
  tenantId: string;
  status: Integration['status'];
  apiKey: string;
  /** null until the tenant saved the post-call webhook's secret. */
  webhookSecret: string | null;
}

function open(box: SecretBox, integration: Integration): ElevenLabsCredentials {
  return {
    integrationId: integration.id,
    tenantId: integration.tenantId,
    status: integration.status,
    apiKey: box.open(integration.secretCiphertext, apiKeyContext(integration.id)),
    webhookSecret: integration.webhookSecretCiphertext
      ? box.open(integration.webhookSecretCiphertext, webhookSecretContext(integration.id))
      : null,
  };
}

/** The tenant's ElevenLabs key and webhook secret, opened; null when it has no ElevenLabs integration. */
export async function loadElevenLabsCredentials(
  deps: { orm: Orm; secretBox: SecretBox },
  { tenantId }: { tenantId: string },
): Promise<ElevenLabsCredentials | null> {
  const integration = await inScope(deps.orm, { tenantId }, (em) =>
    em.findOne(Integration, { tenantId, provider: 'elevenlabs' }),
  );
  return integration ? open(deps.secretBox, integration) : null;
}

/**
 * The integration a webhook URL names, looked up across tenants (system scope): a post-call webhook arrives
 * before its tenant is known, and nothing in it is trusted before its signature checked out with this secret.
 */
export async function findElevenLabsByWebhookToken(
  deps: { orm: Orm; secretBox: SecretBox },
  { webhookToken }: { webhookToken: string },
): Promise<ElevenLabsCredentials | null> {
  const integration = await inScope(deps.orm, { system: 'elevenlabs-webhooks' }, (em) =>
    em.findOne(Integration, { webhookToken, provider: 'elevenlabs' }),
  );
  return integration ? open(deps.secretBox, integration) : null;
}
