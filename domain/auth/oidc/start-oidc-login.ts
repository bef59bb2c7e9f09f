import * as oidc from 'openid-client';
import { sealOidcFlow } from './oidc-flow';
import { OidcLoginFailure } from './oidc-login-failure';
import type { OidcRelyingParty } from './oidc-relying-party';

/**
 * Where to send the browser to sign in at the provider (authorization code with PKCE S256, `state` and `nonce`),
 * and the sealed flow it must bring back in a cookie.
 */
export async function startOidcLogin(
  rp: OidcRelyingParty,
  key: Uint8Array,
  now = Date.now(),
): Promise<{ authorizationUrl: string; flowCookie: string }> {
  let configuration: oidc.Configuration;
  try {
    configuration = await rp.configuration();
  } catch (cause) {
    throw new OidcLoginFailure('oidc_unavailable', `OpenID Connect discovery failed for ${rp.settings.issuerUrl}`, {
      cause,
    });
  }
  const flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: rp.settings.redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { authorizationUrl: url.href, flowCookie: sealOidcFlow(key, flow, now) };
}
