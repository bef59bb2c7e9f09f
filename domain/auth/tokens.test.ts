import { hashToken, keyFromSecret, newOpaqueToken, signAccessToken, verifyAccessToken } from './tokens';

describe('access tokens', () => {
  const key = keyFromSecret('unit-test-secret');
  const actor = {
    userId: '5f7f4a0c-3a7e-4c1e-9c55-0d2f1d7c9a11',
    role: 'customer_admin' as const,
    tenantId: 'b0b7...',
  };

  it('round-trips the actor', async () => {
    const token = await signAccessToken(actor, key, 30);
    expect(await verifyAccessToken(token, key)).toEqual(actor);
  });

  it('rejects a token signed with another key, and an expired one', async () => {
    const foreign = await signAccessToken(actor, keyFromSecret('other'), 30);
    expect(await verifyAccessToken(foreign, key)).toBeNull();
    const expired = await signAccessToken(actor, key, -1);
    expect(await verifyAccessToken(expired, key)).toBeNull();
  });

  it('hashes opaque tokens so the database never holds them', () => {
    const token = newOpaqueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});
