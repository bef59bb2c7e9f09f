import type { FastifyRequest } from 'fastify';

/** The API key as Stripe takes it: `Bearer <key>`, or Basic auth with the key as user (`curl -u sk_test_…:`). */
export function apiKeyOf(request: FastifyRequest): string {
  const [scheme, value = ''] = (request.headers.authorization ?? '').split(' ');
  if (scheme === 'Bearer') return value;
  if (scheme === 'Basic') return Buffer.from(value, 'base64').toString().split(':')[0] ?? '';
  return '';
}
