export type Provider = 'heroku' | 'twilio' | 'stripe' | 'elevenlabs';

/**
 * A provider call that failed, classified once so activities need not know each SDK's error shape:
 * `retryable` is true for failures that may pass on a later attempt (network, timeouts, throttling, outages).
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly provider: Provider;
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;
  /** The provider's error code (Twilio's number as a string, Heroku's id) or our own (`timeout`, `name_taken`). */
  readonly code: string | null;
  readonly retryable: boolean;
  /** How long the provider asked us to wait (`retry-after` on a 429 or 503), when it said. */
  readonly retryAfterMs: number | null;

  constructor(input: {
    provider: Provider;
    message: string;
    status: number | null;
    code: string | null;
    retryAfterMs?: number | null;
    cause?: unknown;
  }) {
    super(`${input.provider}: ${input.message}`, { cause: input.cause });
    this.provider = input.provider;
    this.status = input.status;
    this.code = input.code;
    this.retryable = isRetryableStatus(input.status);
    this.retryAfterMs = input.retryAfterMs ?? null;
  }
}

/**
 * No response (network error, timeout), 408 Request Timeout, 409 Conflict (a concurrent change on the provider's
 * side), 429 and 5xx may succeed when repeated; any other 4xx will fail the same way again.
 */
export function isRetryableStatus(status: number | null): boolean {
  if (status === null) return true;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Wraps SDK calls so every failure leaves as a `ProviderError`; `unless404` also turns "not found" into a
 * value, for look-ups and removals where absence is an answer, not a failure.
 */
export function providerCalls(toProviderError: (error: unknown) => ProviderError) {
  const call = async <T>(request: () => Promise<T>): Promise<T> => {
    try {
      return await request();
    } catch (error) {
      throw toProviderError(error);
    }
  };
  const unless404 = async <T, A>(request: () => Promise<T>, absent: A): Promise<T | A> => {
    try {
      return await call(request);
    } catch (error) {
      if (error instanceof ProviderError && error.status === 404) return absent;
      throw error;
    }
  };
  return { call, unless404 };
}
