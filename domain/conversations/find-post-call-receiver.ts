import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { webhookSecretContext } from '../integrations/sealed-contexts';
import type { SecretBox } from '../secrets/secret-box';

export interface PostCallReceiver {
  integrationId: string;
  tenantId: string;
  /** null until the tenant saved the secret ElevenLabs shows for the webhook. */
  webhookSecret: string | null;
}

/**
 * The integration a post-call webhook URL names, looked up across tenants (system scope: nothing in the request is
 * trusted before its signature checked out with this secret). Only the webhook secret is opened; the webhook
 * never needs the tenant's API key.
 */
export async function findPostCallReceiver(
  deps: { orm: Orm; secretBox: SecretBox },
  { webhookToken }: { webhookToken: string },
): Promise<PostCallReceiver | null> {
  const integration = await inScope(deps.orm, { system: 'elevenlabs-webhooks' }, (em) =>
    em.findOne(
      Integration,
      { webhookToken, provider: 'elevenlabs' },
      { fields: ['id', 'tenantId', 'webhookSecretCiphertext'] },
    ),
  );
  if (!integration) return null;
  const sealed = integration.webhookSecretCiphertext;
  return {
    integrationId: integration.id,
    tenantId: integration.tenantId,
    webhookSecret: sealed ? deps.secretBox.open(sealed, webhookSecretContext(integration.id)) : null,
  };
}
