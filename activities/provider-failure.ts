import { ApplicationFailure } from '@temporalio/activity';
import { ProviderError } from './adapters/provider-error';

/**
 * Runs a provider call and turns permanent provider errors (bad request, quota, nothing available) into
 * non-retryable failures; everything else stays retryable for the workflow's step policy.
 */
export async function providerCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ProviderError && !error.retryable) {
      throw ApplicationFailure.nonRetryable(error.message, error.code ?? `${error.provider}_error`);
    }
    throw error;
  }
}

export const permanentFailure = (message: string, type: string) => ApplicationFailure.nonRetryable(message, type);
