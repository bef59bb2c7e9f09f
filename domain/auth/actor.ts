import type { Role } from '../../contracts/roles';

/** The authenticated caller every use case receives; `tenantId` is null for platform staff. */
export interface Actor {
  userId: string;
  role: Role;
  tenantId: string | null;
}
