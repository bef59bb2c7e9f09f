import type { IntegrationView } from '../../contracts/integrations';
import type { Integration } from '../../db/entities';

/** The tenant's post-call webhook URL: the token names its integration (decision 013). */
const elevenLabsWebhookUrl = (publicBaseUrl: string, webhookToken: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/api/webhooks/elevenlabs/${webhookToken}`;

/** What the API shows of an integration: hints, never the sealed values. */
export function toIntegrationView(integration: Integration, publicBaseUrl: string): IntegrationView {
  const detail = integration.checkDetail;
  return {
    id: integration.id,
    tenantId: integration.tenantId,
    provider: integration.provider,
    status: integration.status,
    keyHint: integration.secretHint,
    webhookSecretHint: integration.webhookSecretHint ?? null,
    webhookUrl: elevenLabsWebhookUrl(publicBaseUrl, integration.webhookToken),
    lastCheckedAt: integration.lastCheckedAt?.toISOString() ?? null,
    lastError: integration.lastError ?? null,
    checkDetail: detail ? { tier: detail.tier ?? null, limitations: detail.limitations ?? [] } : null,
    createdAt: integration.createdAt.toISOString(),
    updatedAt: integration.updatedAt.toISOString(),
  };
}
