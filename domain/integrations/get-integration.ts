import type { IntegrationView } from '../../contracts/integrations';
import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { notFound } from '../errors/app-error';
import { toIntegrationView } from './integration-view';
import { tenantToRead } from '../auth/tenant-to-read';

/** The tenant's ElevenLabs integration (customers: their own; platform staff: the tenant they name). */
export async function getIntegration(
  deps: { orm: Orm; publicBaseUrl: string },
  { actor, tenantId }: { actor: Actor; tenantId?: string },
): Promise<IntegrationView> {
  const target = tenantToRead(actor, tenantId, 'integrations:read');
  const integration = await inScope(deps.orm, scopeOf(actor), (em) =>
    em.findOne(Integration, { tenantId: target, provider: 'elevenlabs' }),
  );
  if (!integration) throw notFound('ElevenLabs integration');
  return toIntegrationView(integration, deps.publicBaseUrl);
}
