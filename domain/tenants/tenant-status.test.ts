import { TENANT_STATUSES } from '../../contracts/tenant-status';
import { canTransition, tenantAcceptsWebhooks, tenantAllowsSessions } from './tenant-status';

describe('tenantAcceptsWebhooks', () => {
  it('accepts only active, verified tenants', () => {
    expect(tenantAcceptsWebhooks({ status: 'active', verifiedAt: new Date() })).toBe(true);
    expect(tenantAcceptsWebhooks({ status: 'pending_verification', verifiedAt: null })).toBe(false);
    expect(tenantAcceptsWebhooks({ status: 'active', verifiedAt: null })).toBe(false);
    expect(tenantAcceptsWebhooks({ status: 'suspended', verifiedAt: new Date() })).toBe(false);
  });
});

describe('tenant status transitions', () => {
  it('suspends only active tenants and reactivates only suspended ones', () => {
    const into = (to: (typeof TENANT_STATUSES)[number]) => TENANT_STATUSES.filter((from) => canTransition(from, to));
    expect(into('suspended')).toEqual(['active']);
    expect(into('active')).toEqual(['pending_verification', 'suspended']);
    expect(TENANT_STATUSES.filter((to) => canTransition('offboarding', to))).toEqual([]);
  });

  it('ends the sessions of suspended and offboarding tenants only', () => {
    expect(TENANT_STATUSES.filter(tenantAllowsSessions)).toEqual(['pending_verification', 'active']);
  });
});
