import { createElevenLabsMonitoring } from '../activities/adapters/elevenlabs-monitoring';
import { ProviderError } from '../activities/adapters/provider-error';
import type { ElevenLabsAccounts } from '../domain/integrations/elevenlabs-accounts-port';
import { ElevenLabsFailure } from '../domain/integrations/elevenlabs-failure';

/** A person waits on these calls (test connection, validate an agent): each ElevenLabs request gets this long. */
const ACCOUNT_CALL_TIMEOUT_MS = 10_000;

/** A ProviderError in the domain's terms, with a message that names no key and fits a sentence. */
function toFailure(error: unknown): unknown {
  if (!(error instanceof ProviderError)) return error;
  // No answer at all (status null) is always retryable.
  if (error.status === null) {
    return new ElevenLabsFailure('unreachable', error.code === 'timeout' ? 'no answer in time' : 'no connection');
  }
  const detail = error.message.replace(/^elevenlabs: /, '').slice(0, 200);
  if (error.retryable) return new ElevenLabsFailure('unreachable', `HTTP ${error.status} (${detail})`);
  if (error.status === 401) return new ElevenLabsFailure('key_refused', detail);
  return new ElevenLabsFailure('refused', `HTTP ${error.status} (${detail})`);
}

/**
 * The ElevenLabs calls the API makes with a tenant's own key, over the same SDK adapter the worker uses (api/ may
 * not import adapters, so the processes compose it here, as they do Stripe's sessions). `baseUrl` is ElevenLabs'
 * API, or the simulator's `/elevenlabs`.
 */
export function createElevenLabsAccounts(config: { baseUrl?: string; timeoutMs?: number } = {}): ElevenLabsAccounts {
  const monitoring = (apiKey: string) =>
    createElevenLabsMonitoring({
      apiKey,
      baseUrl: config.baseUrl,
      timeoutMs: config.timeoutMs ?? ACCOUNT_CALL_TIMEOUT_MS,
    });
  const translated = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw toFailure(error);
    }
  };
  return {
    checkKey: (apiKey) =>
      translated(async () => {
        const check = await monitoring(apiKey).checkKey();
        if (check.status === 'rejected') return check;
        return { status: 'active', tier: check.account?.tier ?? null, limitations: check.limitations };
      }),
    getAgent: (apiKey, agentId) =>
      translated(async () => {
        const agent = await monitoring(apiKey).getAgent(agentId);
        if (!agent) return null;
        const { id, name, language, voiceId, firstMessage, tags } = agent;
        return { id, name, language, voiceId, firstMessage, tags };
      }),
  };
}
