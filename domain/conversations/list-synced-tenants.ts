import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';

/** Tenants whose ElevenLabs key works, whose conversations the periodic sync follows (across tenants). */
export async function listSyncedTenants(deps: { orm: Orm }): Promise<string[]> {
  const integrations = await inScope(deps.orm, { system: 'elevenlabs-sync' }, (em) =>
    em.find(Integration, { provider: 'elevenlabs', status: 'active' }, { fields: ['tenantId'] }),
  );
  return integrations.map((integration) => integration.tenantId);
}
