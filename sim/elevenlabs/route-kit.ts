import type { FastifyRequest } from 'fastify';
import type { SimContext } from '../context';
import { faultGate } from '../fault-gate';
import type { FaultOperation } from '../faults';
import { requirePermission } from './auth';
import { elevenLabsFaultReply } from './errors';
import type { Permission } from './state';

/** What every ElevenLabs route file uses: `on(operation, permission)` (fault gate, then the key's scope) and the state. */
export function routeKit(sim: SimContext) {
  const gate = faultGate(sim, elevenLabsFaultReply);
  return {
    on: (operation: FaultOperation, permission: Permission) => ({
      preHandler: [gate(operation), requirePermission(permission)],
    }),
    elevenlabs: () => sim.state.elevenlabs,
  };
}

export type Query = Record<string, string | string[] | undefined>;
export const queryOf = (request: FastifyRequest): Query => (request.query as Query | undefined) ?? {};

/** A query parameter as one string (the last one when repeated), or undefined when absent. */
export function text(query: Query, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value.at(-1) : value;
}

/** An integer parameter: undefined when absent, `invalid` when present but not an integer within bounds. */
export function integer(query: Query, name: string, min: number, max: number): number | undefined | 'invalid' {
  const value = text(query, name);
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= min && parsed <= max ? parsed : 'invalid';
}
