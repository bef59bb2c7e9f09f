import { AppError } from '../errors/app-error';
import type { AgentDetails } from '../integrations/elevenlabs-accounts-port';
import { accountsOf, type ElevenLabsDeps } from '../integrations/elevenlabs-deps';
import { ElevenLabsFailure } from '../integrations/elevenlabs-failure';
import { loadElevenLabsCredentials } from '../integrations/elevenlabs-credentials';

const NO_SUCH_AGENT = 'No such agent in your ElevenLabs workspace';

/**
 * Reads an agent with the tenant's own key, as its registration needs it: the tenant must have a key that has not
 * failed its last test (409 otherwise), and an agent the key's workspace lacks is not found.
 */
export async function readElevenLabsAgent(
  deps: ElevenLabsDeps,
  { tenantId, agentId }: { tenantId: string; agentId: string },
): Promise<{ integrationId: string; agent: AgentDetails }> {
  const integration = await loadElevenLabsCredentials(deps, { tenantId });
  if (!integration) {
    throw new AppError('conflict', 'Connect your ElevenLabs account on the Integrations page first');
  }
  if (integration.status === 'error') {
    throw new AppError('conflict', 'Your ElevenLabs key failed its last test; fix it on the Integrations page first', {
      extensions: { integrationStatus: 'error' },
    });
  }
  const accounts = accountsOf(deps);
  const { apiKey } = integration;
  let agent: AgentDetails | null;
  try {
    agent = await accounts.getAgent(apiKey, agentId);
  } catch (error) {
    if (!(error instanceof ElevenLabsFailure)) throw error;
    if (error.kind === 'unreachable') throw new AppError('unavailable', `ElevenLabs did not answer: ${error.message}`);
    if (error.kind === 'key_refused') {
      throw new AppError(
        'conflict',
        'ElevenLabs refused your key (invalid or revoked); test it on the Integrations page',
      );
    }
    // An id ElevenLabs will not look up (malformed for it) names no agent of the workspace either.
    agent = null;
  }
  if (!agent) throw new AppError('not_found', NO_SUCH_AGENT, { extensions: { agentId } });
  return { integrationId: integration.integrationId, agent };
}
