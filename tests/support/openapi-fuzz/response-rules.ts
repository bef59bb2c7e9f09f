import type { LightMyRequestResponse as InjectResponse } from 'fastify';

/**
 * What is wrong with the answer to a malformed request, or null: never a 5xx, every 4xx is problem+json, and an
 * operation that changes state never succeeds (a GET may ignore what it does not read, such as a body).
 */
export function responseViolation(method: string, response: InjectResponse): string | null {
  if (response.statusCode >= 500) return `answered ${response.statusCode}: ${response.body.slice(0, 300)}`;
  if (response.statusCode < 400) {
    return method === 'GET' ? null : `was accepted (${response.statusCode}): ${response.body.slice(0, 300)}`;
  }
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return `answered ${response.statusCode} as ${type || 'no type'}`;
  try {
    const problem = JSON.parse(response.body) as { status?: unknown; detail?: unknown };
    if (problem.status !== response.statusCode || typeof problem.detail !== 'string') {
      return `answered ${response.statusCode} with a malformed problem: ${response.body.slice(0, 300)}`;
    }
  } catch {
    return `answered ${response.statusCode} with a body that is not JSON: ${response.body.slice(0, 300)}`;
  }
  return null;
}
