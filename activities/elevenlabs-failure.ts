import { ApplicationFailure } from '@temporalio/activity';
import { ELEVENLABS_KEY_REFUSED } from '../domain/conversations/conversation-failures';
import { ProviderError } from './adapters/provider-error';
import { providerCall } from './provider-failure';

/**
 * Runs a call to a tenant's ElevenLabs account and types its failure for Temporal: on top of `providerCall`'s
 * mapping (which also honours a 429's `retry-after`), a refused key (401/403) is non-retryable as
 * `ElevenLabsKeyRefused`, which the sync and the conversation workflow act on. Its details name the refused key
 * (`{ keyFingerprint }`) when the caller knows it.
 */
export async function elevenLabsCall<T>(call: () => Promise<T>, refusedKey?: { keyFingerprint: string }): Promise<T> {
  return providerCall(async () => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ProviderError && (error.status === 401 || error.status === 403)) {
        throw ApplicationFailure.create({
          message: error.message,
          type: ELEVENLABS_KEY_REFUSED,
          nonRetryable: true,
          details: refusedKey ? [refusedKey] : undefined,
        });
      }
      throw error;
    }
  });
}
