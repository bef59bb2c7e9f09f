import { TENANT_STATUSES, type TenantStatus } from '../../contracts/tenant-status';
import {
  canTransitionTenant,
  InvalidTenantTransitionError,
  TENANT_TRANSITION_CAUSES,
  transitionTenant,
  type TenantTransitionCause,
} from './tenant-lifecycle';

const tenant = (status: TenantStatus) => ({ id: 'tenant-1', status });

describe('tenant lifecycle', () => {
  const allowed: [TenantStatus, TenantStatus, TenantTransitionCause][] = [
    ['pending_verification', 'active', 'verified'],
    ['active', 'suspended', 'suspend'],
    ['suspended', 'active', 'reactivate'],
    ['active', 'offboarding', 'offboard'],
    ['suspended', 'offboarding', 'offboard'],
  ];

  it('allows exactly the listed transitions', () => {
    const every = TENANT_STATUSES.flatMap((from) =>
      TENANT_STATUSES.flatMap((to) =>
        TENANT_TRANSITION_CAUSES.filter((cause) => canTransitionTenant(from, to, cause)).map((cause) => [
          from,
          to,
          cause,
        ]),
      ),
    );
    expect(every).toEqual(expect.arrayContaining(allowed));
    expect(every).toHaveLength(allowed.length);
  });

  it.each(allowed)('%s → %s (%s) returns the audit record and the new row', (from, to, cause) => {
    const record = transitionTenant(tenant(from), to, cause, 'why');
    expect(record).toEqual({
      action: 'tenant.transition',
      targetType: 'tenant',
      targetId: 'tenant-1',
      tenantId: 'tenant-1',
      details: { from, to, cause, reason: 'why' },
      status: to,
      verifies: cause === 'verified',
    });
  });

  it.each<[TenantStatus, TenantStatus, TenantTransitionCause]>([
    ['pending_verification', 'active', 'reactivate'],
    ['pending_verification', 'suspended', 'suspend'],
    ['suspended', 'suspended', 'suspend'],
    ['active', 'active', 'reactivate'],
    ['active', 'active', 'verified'],
    ['offboarding', 'active', 'reactivate'],
    ['offboarding', 'offboarding', 'offboard'],
    ['active', 'suspended', 'offboard'],
  ])('refuses %s → %s (%s) with a 409', (from, to, cause) => {
    const attempt = () => transitionTenant(tenant(from), to, cause, 'why');
    expect(attempt).toThrow(InvalidTenantTransitionError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'conflict', status: 409 }));
  });

  it('never leaves offboarding', () => {
    const out = TENANT_STATUSES.flatMap((to) =>
      TENANT_TRANSITION_CAUSES.filter((cause) => canTransitionTenant('offboarding', to, cause)),
    );
    expect(out).toEqual([]);
  });

  it('names both statuses when it refuses, and suspends only with a reason', () => {
    expect(() => transitionTenant(tenant('suspended'), 'suspended', 'suspend', 'again')).toThrow(
      'The organisation is suspended; it cannot become suspended',
    );
    expect(() => transitionTenant(tenant('active'), 'suspended', 'suspend')).toThrow(/needs a reason/);
    expect(transitionTenant(tenant('suspended'), 'active', 'reactivate').details).toEqual({
      from: 'suspended',
      to: 'active',
      cause: 'reactivate',
    });
  });
});
