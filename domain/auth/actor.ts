import type { Role } from '../../contracts/roles';

/** The authenticated caller every use case receives; `tenantId` is null for platform staff. */
export interface Actor {
  userId: string;
  role: Role;
  tenantId: string | null;
}

/**
 * Internal machinery acting on its own (a worker's activities): no user, no role. Its name is the database scope's
 * reason (`inScope(orm, actor, …)`) and is written into the audit record's details as `system`.
 */
export interface SystemActor {
  system: string;
}

export const isSystemActor = (actor: Actor | SystemActor | null): actor is SystemActor =>
  actor !== null && 'system' in actor;
