import type { IntegrationView } from '../../contracts/integrations';
import { Integration } from '../../db/entities';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { AppError, notFound } from '../errors/app-error';
import type { KeyCheckResult } from './elevenlabs-accounts-port';
import { accountsOf, followSync, type ElevenLabsDeps } from './elevenlabs-deps';
import { ElevenLabsFailure } from './elevenlabs-failure';
import { toIntegrationView } from './integration-view';
import { INVALID_KEY_REASON, keyCheckOutcome } from './key-check-outcome';
import { apiKeyContext } from './sealed-contexts';
import { ownTenantOf } from '../auth/tenant-to-read';

/**
 * Tests the tenant's saved key against ElevenLabs and records the verdict: ACTIVE (with the plan and what the key
 * cannot do) or ERROR with a readable reason.
 *
 * No answer (timeout, network, 429, 5xx) is no verdict on the key: it answers 503 and records nothing, so an ACTIVE
 * integration stays ACTIVE through an ElevenLabs outage and its sync is not paused for something that passes.
 * The sync itself marks the key ERROR when ElevenLabs refuses it (decision 013).
 */
export async function testIntegration(
  deps: ElevenLabsDeps & { publicBaseUrl: string },
  { actor, now = new Date() }: { actor: Actor; now?: Date },
): Promise<IntegrationView> {
  const tenantId = ownTenantOf(actor, 'integrations:manage');
  const accounts = accountsOf(deps);
  const saved = await inScope(deps.orm, { tenantId }, (em) =>
    em.findOne(Integration, { tenantId, provider: 'elevenlabs' }),
  );
  if (!saved) throw notFound('ElevenLabs integration');
  const apiKey = deps.secretBox.open(saved.secretCiphertext, apiKeyContext(saved.id));

  const outcome = await checkOutcome(() => accounts.checkKey(apiKey), saved.status);
  const integration = await inScope(deps.orm, { tenantId }, async (em) => {
    const current = await em.findOne(Integration, { id: saved.id });
    // A key saved while this one was being tested is not the one the verdict is about.
    if (!current || current.secretCiphertext !== saved.secretCiphertext) {
      throw new AppError('conflict', 'The key changed while it was being tested; test the connection again');
    }
    em.assign(current, { ...outcome, lastCheckedAt: now });
    recordAudit(em, {
      actor,
      action: 'integration.tested',
      targetType: 'integration',
      targetId: current.id,
      details: { status: outcome.status, tier: outcome.checkDetail?.tier ?? null },
    });
    await em.flush();
    return current;
  });
  await followSync(deps, tenantId, integration.status === 'active');
  return toIntegrationView(integration, deps.publicBaseUrl);
}

/** The key check's verdict; a request ElevenLabs refuses is an ERROR too, no answer is a 503. */
async function checkOutcome(check: () => Promise<KeyCheckResult>, status: string) {
  try {
    return keyCheckOutcome(await check());
  } catch (error) {
    if (!(error instanceof ElevenLabsFailure)) throw error;
    if (error.kind === 'unreachable') {
      throw new AppError(
        'unavailable',
        `ElevenLabs did not answer: ${error.message}. The key was not checked and stays ${status}; try again shortly`,
      );
    }
    const lastError =
      error.kind === 'key_refused' ? INVALID_KEY_REASON : `ElevenLabs refused the check: ${error.message}`;
    return { status: 'error' as const, lastError, checkDetail: null };
  }
}
