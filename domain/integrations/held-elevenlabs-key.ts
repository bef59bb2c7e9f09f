import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { keyFingerprint } from './key-fingerprint';

/** What the tenant's ElevenLabs integration holds now: whether it is the key `fingerprint` names, and its status. */
export async function heldElevenLabsKey(
  deps: { orm: Orm },
  { tenantId, fingerprint }: { tenantId: string; fingerprint: string },
): Promise<{ holds: boolean; status: Integration['status'] | null }> {
  const integration = await inScope(deps.orm, { tenantId }, (em) =>
    em.findOne(Integration, { tenantId, provider: 'elevenlabs' }, { fields: ['status', 'secretCiphertext'] }),
  );
  if (!integration) return { holds: false, status: null };
  return { holds: keyFingerprint(integration.secretCiphertext) === fingerprint, status: integration.status };
}
