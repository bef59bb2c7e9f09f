import { ElevenLabsClient, ElevenLabsError, ElevenLabsTimeoutError } from '@elevenlabs/elevenlabs-js';
import { ProviderError } from './provider-error';

export interface ElevenLabsMonitoringConfig {
  /** The tenant's own key (bring your own key). */
  apiKey: string;
  /** ElevenLabs' API by default; `<SIM_URL>/elevenlabs` for the simulator. */
  baseUrl?: string;
  timeoutMs: number;
}

/** The official SDK with one attempt per call: Temporal retries activities, and a 429 says when to come back. */
export function createElevenLabsClient(config: ElevenLabsMonitoringConfig): ElevenLabsClient {
  if (!config.apiKey.trim()) throw new Error('An ElevenLabs API key is required');
  return new ElevenLabsClient({
    apiKey: config.apiKey,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    timeoutInSeconds: config.timeoutMs / 1000,
    maxRetries: 0,
  });
}

/** ElevenLabs answers `{ detail: { status, message } }`, FastAPI's 422 `{ detail: [{ msg }] }`, a 404 `{ detail }`. */
function detailOf(body: unknown): { code: string | null; message: string | null } {
  const detail = (body as { detail?: unknown } | null | undefined)?.detail;
  if (typeof detail === 'string') return { code: null, message: detail };
  if (Array.isArray(detail)) {
    const messages = detail
      .map((problem) => (problem as { msg?: unknown }).msg)
      .filter((msg) => typeof msg === 'string');
    return { code: 'validation_error', message: messages.join('; ') || null };
  }
  const { status, message } = (detail ?? {}) as { status?: unknown; message?: unknown };
  return {
    code: typeof status === 'string' ? status : null,
    message: typeof message === 'string' ? message : null,
  };
}

/**
 * `retry-after` in seconds or as an HTTP date; null when absent or unreadable. An HTTP date names its weekday and
 * month, so only text with letters is read as one: V8's lenient parser takes `-5` or `5-1` for dates in 2001.
 */
function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : null;
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * SDK errors as `ProviderError`s: the HTTP status and ElevenLabs' code (`invalid_api_key`, `missing_permissions`,
 * `too_many_concurrent_requests`), with the 429's `retry-after`. No response (network, timeout) is status null.
 */
export function toProviderError(error: unknown): ProviderError {
  // Under Node's fetch the SDK's own timeout surfaces as a plain ElevenLabsError caused by its abort reason.
  const timedOut =
    error instanceof ElevenLabsTimeoutError ||
    (error instanceof ElevenLabsError && error.statusCode === undefined && error.cause === 'timeout');
  if (timedOut) {
    return new ProviderError({
      provider: 'elevenlabs',
      message: 'timed out',
      status: null,
      code: 'timeout',
      cause: error,
    });
  }
  if (error instanceof ElevenLabsError && error.statusCode !== undefined) {
    const { code, message } = detailOf(error.body);
    return new ProviderError({
      provider: 'elevenlabs',
      message: message ?? `HTTP ${error.statusCode}`,
      status: error.statusCode,
      code,
      retryAfterMs: retryAfterMs(error.rawResponse?.headers?.get('retry-after')),
      cause: error,
    });
  }
  return new ProviderError({
    provider: 'elevenlabs',
    message: error instanceof Error ? error.message : 'request failed',
    status: null,
    code: null,
    cause: error,
  });
}
