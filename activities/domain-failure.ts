import { AppError } from '../domain/errors/app-error';
import { refusingBadData } from './bad-data';
import { permanentFailure } from './provider-failure';

/** `InvalidBotTransitionError` → `InvalidBotTransition`; a plain AppError is typed by its code. */
function failureType(error: AppError, notFoundType: string | undefined): string {
  if (error.name !== 'AppError') return error.name.replace(/Error$/, '');
  return error.code === 'not_found' && notFoundType ? notFoundType : error.code;
}

/**
 * Runs a domain use case for an activity. What the domain refuses (a missing row, a transition its lifecycle
 * table does not allow, a missing default plan) and data the database refuses would be refused again on every
 * retry, so they become non-retryable failures typed by the error; outages and timeouts stay retryable.
 */
export async function domainCall<T>(work: () => Promise<T>, options: { notFound?: string } = {}): Promise<T> {
  try {
    return await refusingBadData(work);
  } catch (error) {
    // `unavailable` and `rate_limited` say "not now", not "never": those stay retryable.
    if (error instanceof AppError && error.status < 429) {
      throw permanentFailure(error.message, failureType(error, options.notFound));
    }
    throw error;
  }
}
