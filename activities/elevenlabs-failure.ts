import { ApplicationFailure } from '@temporalio/activity';
import { ELEVENLABS_KEY_REFUSED } from '../domain/conversations/conversation-failures';
import { ProviderError } from './adapters/provider-error';

/** A `retry-after` beyond this is not waited for in one go; the activity's own retries take over. */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Runs a call to a tenant's ElevenLabs account and types its failure for Temporal: a refused key (401/403) is
 * non-retryable as `ElevenLabsKeyRefused`, a 429 or 503 retries after what ElevenLabs asked (`retry-after`), any
 * other 4xx is non-retryable; network errors, timeouts and 5xx stay retryable under the step's policy.
 */
export async function elevenLabsCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    if (error.status === 401 || error.status === 403) {
      throw ApplicationFailure.create({ message: error.message, type: ELEVENLABS_KEY_REFUSED, nonRetryable: true });
    }
    if (!error.retryable) throw ApplicationFailure.nonRetryable(error.message, error.code ?? 'elevenlabs_error');
    if (error.retryAfterMs !== null) {
      throw ApplicationFailure.create({
        message: error.message,
        type: 'ElevenLabsThrottled',
        nextRetryDelay: Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS),
      });
    }
    throw error;
  }
}
