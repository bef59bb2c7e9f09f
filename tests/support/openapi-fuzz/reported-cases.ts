import { realIdFor } from './base-request';
import type { DraftRequest } from './draft-request';
import type { ActorName, FuzzWorld } from './fuzz-world';
import type { Operation } from './openapi-operations';

export interface ReportedCase {
  name: string;
  method: Operation['method'];
  path: string;
  actor?: ActorName;
  body?: Record<string, unknown>;
  query?: Record<string, string>;
  /** The field the 400 must name. */
  field: string;
}

const CALL_SID = `CA${'0123456789abcdef'.repeat(2)}`;

/** The 5xx the first malformed-input sweep found, each of which must now be a 400 naming its field. */
export const REPORTED_CASES: ReportedCase[] = [
  {
    name: 'NUL in the login email',
    method: 'POST',
    path: '/api/auth/login',
    body: { email: 'a\u0000@example.test', password: 'x' },
    field: 'body.email',
  },
  {
    name: 'NUL in a sign-up',
    method: 'POST',
    path: '/api/auth/register',
    body: { companyName: 'Nul\u0000 Co', name: 'N', email: 'nul@example.test', password: 'long-enough-1' },
    field: 'body.companyName',
  },
  {
    name: 'NUL in a tenant name',
    method: 'POST',
    path: '/api/tenants/',
    body: { name: 'Te\u0000nant', contactEmail: 'nul@example.test' },
    field: 'body.name',
  },
  {
    name: 'unpaired surrogate in a user name',
    method: 'PATCH',
    path: '/api/tenants/{id}/users/{userId}',
    actor: 'customer_admin',
    body: { name: 'Ann \ud800' },
    field: 'body.name',
  },
  {
    name: 'unpaired surrogate in a bot greeting',
    method: 'PATCH',
    path: '/api/bots/{id}',
    actor: 'customer_admin',
    body: { greeting: 'Hello \udfff' },
    field: 'body.greeting',
  },
  {
    name: 'NUL in a ticket subject',
    method: 'POST',
    path: '/api/support/tickets',
    actor: 'customer_admin',
    body: { subject: 'Help\u0000', body: 'Please' },
    field: 'body.subject',
  },
  {
    name: 'NUL in a ticket reply',
    method: 'POST',
    path: '/api/support/tickets/{id}/messages',
    actor: 'customer_admin',
    body: { body: 'Thanks\u0000' },
    field: 'body.body',
  },
  {
    name: 'NUL in the To of a signed Twilio webhook',
    method: 'POST',
    path: '/telephony/incoming',
    body: { CallSid: CALL_SID, To: '+43155\u00000100', CallStatus: 'ringing' },
    field: 'body.To',
  },
  {
    name: 'a usage range in the year 0',
    method: 'GET',
    path: '/api/usage/summary',
    query: { range: 'custom', from: '0000-01-01', to: '0000-01-02' },
    field: 'querystring.from',
  },
];

/** The case as a draft for its operation: real ids in the path, signed by the transport like any request. */
export function draftOfCase(example: ReportedCase, operation: Operation, world: FuzzWorld): DraftRequest {
  const path = Object.fromEntries(
    operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, realIdFor(operation, p.name, world)]),
  );
  return {
    actor: example.actor ?? 'platform_admin',
    path,
    query: Object.entries(example.query ?? {}).map(([name, value]) => ({ name, value })),
    headers: {},
    body: example.body ? { value: example.body, rawSplices: {} } : null,
  };
}
