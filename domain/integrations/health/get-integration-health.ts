import type { IntegrationHealthReport } from '../../../contracts/integration-health';
import type { Orm } from '../../../db/orm';
import type { Actor } from '../../auth/actor';
import { tenantToRead } from '../../auth/tenant-to-read';
import { AppError } from '../../errors/app-error';
import type { SecretBox } from '../../secrets/secret-box';
import type { ElevenLabsAccounts } from '../elevenlabs-accounts-port';
import { checkElevenLabs } from './check-elevenlabs';
import { checkSmtp } from './check-smtp';
import { checkStripe } from './check-stripe';
import { checkTwilio } from './check-twilio';
import type { IntegrationHealthSetup } from './integration-probes-port';
import { settleCheck } from './settle-check';

/** Time the database reads of a check get on top of its provider probe before the whole check counts as failed. */
const READ_ALLOWANCE_MS = 2_000;

/**
 * Each integration of the tenant (customers: their own; platform staff: the tenant they name), checked at once:
 * configured, reachable now, last sync, why not. A failing or slow check is reported, never thrown.
 */
export async function getIntegrationHealth(
  deps: {
    orm: Orm;
    secretBox: SecretBox;
    elevenLabs?: { accounts: ElevenLabsAccounts };
    integrations?: IntegrationHealthSetup;
    /** Where a check's unexpected error goes (the API's log); the answer only says it failed. */
    onUnexpected?: (error: unknown) => void;
  },
  { actor, tenantId }: { actor: Actor; tenantId?: string },
): Promise<IntegrationHealthReport> {
  const target = tenantToRead(actor, tenantId, 'integrations:health');
  const setup = deps.integrations;
  if (!setup) throw new AppError('unavailable', 'Integration health is not wired in this process');
  const input = { tenantId: target, timeoutMs: setup.checkTimeoutMs };
  const withProbes = { ...deps, probes: setup.probes, platformSender: setup.platformSender };
  const settle = (name: Parameters<typeof settleCheck>[0], check: Parameters<typeof settleCheck>[2]) =>
    settleCheck(name, setup.checkTimeoutMs + READ_ALLOWANCE_MS, check, deps.onUnexpected);
  const integrations = await Promise.all([
    settle('elevenlabs', () => checkElevenLabs(deps, input)),
    settle('twilio', () => checkTwilio(withProbes, input)),
    settle('stripe', () => checkStripe(withProbes, input)),
    settle('smtp', () => checkSmtp(withProbes, input)),
  ]);
  return { integrations };
}
