import { isKnownDevice, issueKnownDevice, KNOWN_DEVICE_TTL_MS } from './known-device';

const key = new Uint8Array(32).fill(5);
const ISSUED = 1_700_000_000_000;

describe('known-device tokens', () => {
  it('recognises a token issued to the account until it is 180 days old', () => {
    const token = issueKnownDevice(key, 'account-a', ISSUED);
    expect(token).toMatch(/^[\w-]{16}\.1700000000000\.[\w-]{43}$/);
    expect(isKnownDevice(key, 'account-a', token, ISSUED)).toBe(true);
    expect(isKnownDevice(key, 'account-a', token, ISSUED + KNOWN_DEVICE_TTL_MS)).toBe(true);
    expect(isKnownDevice(key, 'account-a', token, ISSUED + KNOWN_DEVICE_TTL_MS + 1)).toBe(false);
  });

  it('refuses a token dated in the future, so a forged date cannot stretch its life', () => {
    const token = issueKnownDevice(key, 'account-a', ISSUED + 60_000);
    expect(isKnownDevice(key, 'account-a', token, ISSUED)).toBe(false);
  });

  it('refuses a token of another account, under another key, or with its date changed', () => {
    const token = issueKnownDevice(key, 'account-a', ISSUED);
    expect(isKnownDevice(key, 'account-b', token, ISSUED)).toBe(false);
    expect(isKnownDevice(new Uint8Array(32).fill(6), 'account-a', token, ISSUED)).toBe(false);
    const redated = token.replace('.1700000000000.', '.1700000000001.');
    expect(isKnownDevice(key, 'account-a', redated, ISSUED + 1)).toBe(false);
  });

  it('refuses anything that is not shaped like a token', () => {
    const token = issueKnownDevice(key, 'account-a', ISSUED);
    for (const junk of [undefined, 42, '', `${token}x`, token.replace(/\./g, ':'), `a.${ISSUED}.b`]) {
      expect(isKnownDevice(key, 'account-a', junk, ISSUED)).toBe(false);
    }
  });

  it('dates and checks a token by the clock when no time is given', () => {
    jest.useFakeTimers({ now: ISSUED });
    try {
      const token = issueKnownDevice(key, 'account-a');
      expect(token.split('.')[1]).toBe(String(ISSUED));
      expect(isKnownDevice(key, 'account-a', token)).toBe(true);
      jest.setSystemTime(ISSUED + KNOWN_DEVICE_TTL_MS + 1);
      expect(isKnownDevice(key, 'account-a', token)).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });
});
