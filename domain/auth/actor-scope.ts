import type { DbScope } from '../../db/scope';
import type { Actor } from './actor';

/** Customers are confined to their tenant by row-level security; platform staff use the explicit bypass. */
export const scopeOf = (actor: Actor): DbScope =>
  actor.tenantId ? { tenantId: actor.tenantId } : { system: `platform:${actor.role}:${actor.userId}` };
