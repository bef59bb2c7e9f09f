import { INVALID_KEY_REASON, keyCheckOutcome } from './key-check-outcome';

describe('keyCheckOutcome', () => {
  it('keeps an active key’s plan and limitations and clears the error', () => {
    expect(keyCheckOutcome({ status: 'active', tier: 'creator', limitations: ['no plan'] })).toEqual({
      status: 'active',
      lastError: null,
      checkDetail: { tier: 'creator', limitations: ['no plan'] },
    });
  });

  it('says a refused key is invalid or revoked', () => {
    const outcome = keyCheckOutcome({ status: 'rejected', reason: 'invalid_key', permission: null, message: 'x' });
    expect(outcome).toEqual({ status: 'error', lastError: INVALID_KEY_REASON, checkDetail: null });
  });

  it('names the permission a restricted key lacks', () => {
    const outcome = keyCheckOutcome({
      status: 'rejected',
      reason: 'missing_permission',
      permission: 'convai_read',
      message: 'x',
    });
    expect(outcome.status).toBe('error');
    expect(outcome.lastError).toContain('"convai_read" permission');
  });
});
