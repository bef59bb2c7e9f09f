import { ApplicationFailure } from '@temporalio/activity';
import { ProviderError } from './adapters/provider-error';

/** A `retry-after` beyond this is not waited for in one go; the activity's own retries take over. */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Runs a provider call and turns permanent provider errors (bad request, quota, nothing available) into
 * non-retryable failures. A retryable one that says when to come back (a 429's `retry-after`) retries then;
 * everything else stays retryable for the workflow's step policy.
 */
export async function providerCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    if (!error.retryable) throw ApplicationFailure.nonRetryable(error.message, error.code ?? `${error.provider}_error`);
    if (error.retryAfterMs !== null) {
      throw ApplicationFailure.create({
        message: error.message,
        type: `${error.provider}_throttled`,
        nextRetryDelay: Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS),
      });
    }
    throw error;
  }
}

export const permanentFailure = (message: string, type: string) => ApplicationFailure.nonRetryable(message, type);
