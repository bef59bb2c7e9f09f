import { randomBytes, randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { IntegrationView, SaveIntegrationBody } from '../../contracts/integrations';
import { Integration } from '../../db/entities';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { secretHint } from '../secrets/secret-box';
import { followSync, type ElevenLabsDeps } from './elevenlabs-deps';
import { toIntegrationView } from './integration-view';
import { apiKeyContext, webhookSecretContext } from './sealed-contexts';
import { ownTenantOf } from '../auth/tenant-to-read';

/**
 * Saves the tenant's ElevenLabs key and/or its post-call webhook secret, sealed under the rows' own contexts. A new
 * key is unverified until tested, so what the last test learned about the old one is cleared with it.
 */
export async function saveIntegration(
  deps: ElevenLabsDeps & { publicBaseUrl: string },
  { actor, input }: { actor: Actor; input: SaveIntegrationBody },
): Promise<{ integration: IntegrationView; created: boolean }> {
  const tenantId = ownTenantOf(actor, 'integrations:manage');
  const { apiKey, webhookSecret } = input;
  const { integration, created } = await inScope(deps.orm, { tenantId }, async (em) => {
    let integration = await em.findOne(Integration, { tenantId, provider: 'elevenlabs' });
    const created = !integration;
    if (!integration) {
      if (!apiKey) {
        throw new AppError('bad_request', 'Send the ElevenLabs API key first', {
          errors: [{ path: 'body.apiKey', message: 'required until a key is saved' }],
        });
      }
      const id = randomUUID();
      integration = em.create(Integration, {
        id,
        tenantId,
        provider: 'elevenlabs',
        status: 'unverified',
        secretCiphertext: deps.secretBox.seal(apiKey, apiKeyContext(id)),
        secretHint: secretHint(apiKey),
        webhookToken: randomBytes(16).toString('hex'),
      });
    } else if (apiKey) {
      em.assign(integration, {
        status: 'unverified',
        secretCiphertext: deps.secretBox.seal(apiKey, apiKeyContext(integration.id)),
        secretHint: secretHint(apiKey),
        lastCheckedAt: null,
        lastError: null,
        checkDetail: null,
      });
    } else if (!webhookSecret) {
      throw new AppError('bad_request', 'Send a new API key, a webhook secret, or both', {
        errors: [{ path: 'body', message: 'nothing to save' }],
      });
    }
    if (webhookSecret) {
      em.assign(integration, {
        webhookSecretCiphertext: deps.secretBox.seal(webhookSecret, webhookSecretContext(integration.id)),
        webhookSecretHint: secretHint(webhookSecret),
      });
    }
    recordAudit(em, {
      actor,
      action: created ? 'integration.created' : 'integration.updated',
      targetType: 'integration',
      targetId: integration.id,
      details: { provider: 'elevenlabs', keyChanged: Boolean(apiKey), webhookSecretChanged: Boolean(webhookSecret) },
    });
    await em.flush();
    return { integration, created };
  }).catch((error: unknown) => {
    // Two first saves at once: the other one won (one integration per tenant and provider).
    if (error instanceof UniqueConstraintViolationException) {
      throw new AppError('conflict', 'The integration was saved at the same moment elsewhere; reload and try again');
    }
    throw error;
  });
  await followSync(deps, tenantId, integration.status === 'active');
  return { integration: toIntegrationView(integration, deps.publicBaseUrl), created };
}
