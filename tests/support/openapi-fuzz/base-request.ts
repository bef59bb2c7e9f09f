import fc from 'fast-check';
import type { DraftRequest } from './draft-request';
import { ACTORS, type FuzzWorld, type RealIds } from './fuzz-world';
import type { Operation, Parameter } from './openapi-operations';
import { BOT_SIGNATURE_HEADERS } from './transports';
import { validValue, type KnownValues } from './valid-values';

/** Which real row a path parameter names, read from the path segment before it (`/bots/{id}` → the bot). */
const RESOURCE_OF_SEGMENT: Record<string, keyof RealIds> = {
  tenants: 'tenant',
  bots: 'bot',
  users: 'user',
  tickets: 'ticket',
  invoices: 'invoice',
  webhooks: 'webhook',
  agents: 'agent',
  elevenlabs: 'webhookToken',
  'call-logs': 'callLog',
  assets: 'tenantSlug',
  exports: 'tenantExport',
};

/** The real id a path parameter takes; fails loudly for a resource this suite does not know yet. */
export function realIdFor(operation: Operation, name: string, world: FuzzWorld): string {
  const segments = operation.path.split('/');
  const resource = RESOURCE_OF_SEGMENT[segments[segments.indexOf(`{${name}}`) - 1] ?? ''];
  if (!resource) throw new Error(`no seeded row for path parameter {${name}} of ${operation.path}: add one`);
  return world.ids[resource];
}

export function knownValues(world: FuzzWorld): KnownValues {
  return {
    tenantId: [world.ids.tenant],
    botId: [world.ids.bot],
    To: [world.botNumber],
    Timestamp: [new Date().toISOString()],
  };
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A request the operation accepts (apart from which caller may make it): every defect is applied to one. */
export function baseRequest(operation: Operation, world: FuzzWorld): fc.Arbitrary<DraftRequest> {
  const known = knownValues(world);
  const query = operation.parameters.filter((p) => p.in === 'query');
  const path = Object.fromEntries(
    operation.parameters
      .filter((p) => p.in === 'path')
      // A parameter of a fixed vocabulary (`{asset}`: logo, favicon) takes its first value, not a row's id.
      .map((p) => [p.name, p.schema.enum ? String(p.schema.enum[0]) : realIdFor(operation, p.name, world)]),
  );
  // The bot signature's headers are computed by its transport; any other header gets a valid value.
  const headers = operation.parameters.filter((p) => p.in === 'header' && !BOT_SIGNATURE_HEADERS.includes(p.name));
  const valuesOf = (parameters: Parameter[]) =>
    fc.tuple(
      ...parameters.map((p) => {
        const value = validValue(p.schema, p.name, known).map(textOf);
        return p.required ? value : fc.option(value, { nil: undefined });
      }),
    );
  return fc
    .record({
      actor: fc.constantFrom(...ACTORS),
      query: valuesOf(query),
      headers: valuesOf(headers),
      body: operation.body ? validValue(operation.body.schema, 'body', known) : fc.constant(undefined),
    })
    .map(({ actor, query: queryValues, headers: headerValues, body }) => ({
      actor,
      path,
      query: query.flatMap((p, i) => (queryValues[i] === undefined ? [] : [{ name: p.name, value: queryValues[i] }])),
      headers: Object.fromEntries(
        headers.flatMap((p, i) => (headerValues[i] === undefined ? [] : [[p.name, headerValues[i]]])),
      ),
      body: body === undefined ? null : { value: body, rawSplices: {} },
    }));
}
