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
});
