import { createHmac } from 'node:crypto';
import { openOidcFlow, OIDC_FLOW_TTL_MS, sealOidcFlow } from './oidc-flow';

const key = new Uint8Array(32).fill(7);
const flow = { state: 'state-1', nonce: 'nonce-1', codeVerifier: 'verifier-1' };

describe('the sealed OpenID Connect flow cookie', () => {
  it('opens what it sealed until it expires', () => {
    const sealed = sealOidcFlow(key, flow, 1_000);
    expect(openOidcFlow(key, sealed, 1_000 + OIDC_FLOW_TTL_MS)).toEqual(flow);
    expect(openOidcFlow(key, sealed, 1_001 + OIDC_FLOW_TTL_MS)).toBeNull();
  });

  it('refuses a flow sealed under another key, an edited one and anything that is not a sealed flow', () => {
    const sealed = sealOidcFlow(key, flow, 1_000);
    expect(openOidcFlow(new Uint8Array(32).fill(8), sealed, 1_000)).toBeNull();
    const [payload, signature] = sealed.split('.');
    const edited = Buffer.from(JSON.stringify({ ...flow, state: 'attacker', exp: 1_000 + OIDC_FLOW_TTL_MS })).toString(
      'base64url',
    );
    expect(payload).not.toBe(edited);
    expect(openOidcFlow(key, `${edited}.${signature}`, 1_000)).toBeNull();
    for (const junk of [undefined, '', 'a.b', `${sealed}.x`, 42, 'x'.repeat(3_000)]) {
      expect(openOidcFlow(key, junk, 1_000)).toBeNull();
    }
  });

  it('dates a flow by the clock when no time is given', () => {
    jest.useFakeTimers({ now: 5_000_000 });
    try {
      const sealed = sealOidcFlow(key, flow);
      expect(openOidcFlow(key, sealed)).toEqual(flow);
      expect(openOidcFlow(key, sealed, 5_000_000 + OIDC_FLOW_TTL_MS + 1)).toBeNull();
      jest.setSystemTime(5_000_000 + OIDC_FLOW_TTL_MS + 1);
      expect(openOidcFlow(key, sealed)).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  describe('refuses a correctly signed payload that is not a whole flow', () => {
    // Signed the way the platform signs, so only the payload's content can make it fail.
    const signed = (payload: string) =>
      `${payload}.${createHmac('sha256', key).update(`oidc-flow:${payload}`).digest('base64url')}`;
    const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = 1_000 + OIDC_FLOW_TTL_MS;

    it.each([
      ['not JSON', Buffer.from('{not json').toString('base64url')],
      ['null', encoded(null)],
      ['without a nonce', encoded({ state: 's', codeVerifier: 'v', exp })],
      ['without a state', encoded({ nonce: 'n', codeVerifier: 'v', exp })],
      ['with a numeric verifier', encoded({ state: 's', nonce: 'n', codeVerifier: 1, exp })],
      ['without an expiry', encoded({ state: 's', nonce: 'n', codeVerifier: 'v' })],
      ['with an expiry as text', encoded({ state: 's', nonce: 'n', codeVerifier: 'v', exp: String(exp) })],
    ])('%s', (_what, payload) => {
      expect(openOidcFlow(key, signed(payload), 1_000)).toBeNull();
    });

    it('while the same construction with every field opens', () => {
      const whole = encoded({ state: 's', nonce: 'n', codeVerifier: 'v', exp });
      expect(openOidcFlow(key, signed(whole), 1_000)).toEqual({ state: 's', nonce: 'n', codeVerifier: 'v' });
    });
  });
});
