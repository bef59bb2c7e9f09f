import { TENANT_STATUSES } from '../../contracts/tenant-status';
import { tenantAcceptsWebhooks, tenantAllowsSessions } from './tenant-status';

describe('tenantAcceptsWebhooks', () => {
  it('accepts only active, verified tenants', () => {
    expect(tenantAcceptsWebhooks({ status: 'active', verifiedAt: new Date() })).toBe(true);
    expect(tenantAcceptsWebhooks({ status: 'pending_verification', verifiedAt: null })).toBe(false);
    expect(tenantAcceptsWebhooks({ status: 'active', verifiedAt: null })).toBe(false);
    expect(tenantAcceptsWebhooks({ status: 'suspended', verifiedAt: new Date() })).toBe(false);
  });
});

describe('tenantAllowsSessions', () => {
  it('ends the sessions of suspended and offboarding tenants only', () => {
    expect(TENANT_STATUSES.filter(tenantAllowsSessions)).toEqual(['pending_verification', 'active']);
  });
});
