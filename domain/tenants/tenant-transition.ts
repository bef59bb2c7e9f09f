import { AppError } from '../errors/app-error';
import type { TenantStatus } from '../../contracts/tenant-status';
import { canTransition } from './tenant-status';

/** Refuses a status change the transition table does not allow, as 409 problem+json naming both statuses. */
export function assertTenantTransition(from: TenantStatus, to: TenantStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError('conflict', `The organisation is ${from}; it cannot become ${to}`);
  }
}
