/**
 * Runtime settings for the web server (loaders/actions only; never shipped to
 * the browser). Read lazily so the values reflect the running process' env.
 */

const DEFAULT_API_URL = 'http://127.0.0.1:4000';
const DEFAULT_TEMPORAL_UI_URL = 'http://localhost:8233';

function urlFromEnv(name: string, fallback: string): string {
  const raw = process.env[name]?.trim() || fallback;
  try {
    // Normalise and validate; strip a trailing slash so paths can be appended.
    return new URL(raw).toString().replace(/\/+$/, '');
  } catch {
    throw new Error(`${name} must be an absolute URL, got "${raw}"`);
  }
}

/** Base URL the web server uses to reach the API (server-to-server). */
export function apiUrl(): string {
  return urlFromEnv('API_URL', DEFAULT_API_URL);
}

/** Tenants' own hosts are `<slug>.<PUBLIC_BASE_DOMAIN>` (white label); undefined when not configured. */
export function publicBaseDomain(): string | undefined {
  return process.env.PUBLIC_BASE_DOMAIN?.trim().toLowerCase() || undefined;
}

/** Public URL of the Temporal Web UI (rendered as a link for the browser). */
export function temporalUiUrl(): string {
  return urlFromEnv('TEMPORAL_UI_URL', DEFAULT_TEMPORAL_UI_URL);
}
