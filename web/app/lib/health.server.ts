import { apiUrl } from './env.server';
import {
  COMPONENT_LABELS,
  type ComponentKey,
  type ComponentState,
  type ComponentStatus,
  type HealthReport,
} from './health';

const HEALTH_TIMEOUT_MS = 3000;

/** Accepted spellings, so the page tolerates small changes in the API's payload. */
const KEY_ALIASES: Record<ComponentKey, readonly string[]> = {
  db: ['db', 'database', 'postgres', 'postgresql'],
  temporal: ['temporal', 'temporalServer'],
  worker: ['worker', 'workers', 'temporalWorker'],
};

const OK_WORDS = new Set(['ok', 'up', 'healthy', 'pass', 'passed', 'ready', 'connected', 'running', 'serving']);
const DEGRADED_WORDS = new Set(['degraded', 'warn', 'warning', 'partial', 'starting']);
const DOWN_WORDS = new Set([
  'down',
  'error',
  'fail',
  'failed',
  'unhealthy',
  'unreachable',
  'disconnected',
  'not_serving',
  'stopped',
]);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stateFromWord(word: string): ComponentState {
  const w = word.trim().toLowerCase();
  if (OK_WORDS.has(w)) return 'ok';
  if (DEGRADED_WORDS.has(w)) return 'degraded';
  if (DOWN_WORDS.has(w)) return 'down';
  return 'unknown';
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (isObject(value) && typeof value.message === 'string') return value.message;
  return undefined;
}

function parseComponent(value: unknown): { state: ComponentState; detail?: string } {
  if (typeof value === 'boolean') return { state: value ? 'ok' : 'down' };
  if (typeof value === 'string') return { state: stateFromWord(value) };
  if (!isObject(value)) return { state: 'unknown' };

  let state: ComponentState = 'unknown';
  for (const field of ['status', 'state']) {
    const v = value[field];
    if (typeof v === 'string') {
      state = stateFromWord(v);
      break;
    }
  }
  if (state === 'unknown') {
    for (const field of ['ok', 'healthy', 'up']) {
      const v = value[field];
      if (typeof v === 'boolean') {
        state = v ? 'ok' : 'down';
        break;
      }
    }
  }

  let detail = textOf(value.detail) ?? textOf(value.message) ?? textOf(value.error) ?? textOf(value.reason);
  if (!detail && typeof value.latencyMs === 'number') detail = `${Math.round(value.latencyMs)} ms`;
  return detail ? { state, detail } : { state };
}

function findComponent(containers: JsonObject[], key: ComponentKey): unknown {
  for (const container of containers) {
    for (const alias of KEY_ALIASES[key]) {
      if (alias in container) return container[alias];
    }
  }
  return undefined;
}

function overallOf(body: JsonObject, components: ComponentStatus[], httpStatus: number): ComponentState {
  if (typeof body.status === 'string') {
    const s = stateFromWord(body.status);
    if (s !== 'unknown') return s;
  }
  const states = components.map((c) => c.state);
  if (states.includes('down')) return httpStatus >= 500 ? 'down' : 'degraded';
  if (states.includes('degraded')) return 'degraded';
  if (states.every((s) => s === 'ok')) return 'ok';
  return httpStatus >= 500 ? 'degraded' : 'unknown';
}

function unknownComponents(detail?: string): ComponentStatus[] {
  return (Object.keys(COMPONENT_LABELS) as ComponentKey[]).map((key) => ({
    key,
    label: COMPONENT_LABELS[key],
    state: 'unknown',
    ...(detail ? { detail } : {}),
  }));
}

function describeFetchError(error: unknown): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no response within ${HEALTH_TIMEOUT_MS / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
      return 'connection reset';
    default:
      return 'request failed';
  }
}

/**
 * Fetches `${API_URL}/api/health` server-side. Never throws: an unreachable or
 * misbehaving API is reported as data so the page still renders.
 */
export async function getHealth(): Promise<HealthReport> {
  const checkedAt = new Date().toISOString();
  const base = apiUrl();
  const showTarget = process.env.NODE_ENV !== 'production';

  let response: Response;
  try {
    response = await fetch(`${base}/api/health`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = describeFetchError(error);
    return {
      reachable: false,
      reason: showTarget ? `${reason} (${base})` : reason,
      components: unknownComponents(),
      checkedAt,
    };
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }

  if (!isObject(body)) {
    return {
      reachable: true,
      httpStatus: response.status,
      overall: 'unknown',
      components: unknownComponents(`unexpected response (HTTP ${response.status})`),
      checkedAt,
    };
  }

  const containers = [body.checks, body.components, body.services, body.dependencies, body].filter(isObject);
  const components: ComponentStatus[] = (Object.keys(COMPONENT_LABELS) as ComponentKey[]).map((key) => ({
    key,
    label: COMPONENT_LABELS[key],
    ...parseComponent(findComponent(containers, key)),
  }));

  return {
    reachable: true,
    httpStatus: response.status,
    overall: overallOf(body, components, response.status),
    ...(typeof body.version === 'string' ? { version: body.version } : {}),
    components,
    checkedAt,
  };
}
