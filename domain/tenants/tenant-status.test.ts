import { tenantAcceptsWebhooks } from './tenant-status';

describe('tenantAcceptsWebhooks', () => {
  it('accepts only active, verified tenants', () => {
    expect(tenantAcceptsWebhooks({ status: 'active', verifiedAt: new Date() })).toBe(true);
    expect(tenantAcceptsWebhooks({ status: 'pending_verification', verifiedAt: null })).toBe(false);
    expect(tenantAcceptsWebhooks({ status: 'active', verifiedAt: null })).toBe(false);
    expect(tenantAcceptsWebhooks({ status: 'suspended', verifiedAt: new Date() })).toBe(false);
  });
});
