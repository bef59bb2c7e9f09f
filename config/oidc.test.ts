import { parseEnv } from './env';
import { oidcClientConfig, oidcProblems } from './oidc';

const ALL = { OIDC_ISSUER_URL: 'https://id.example.test', OIDC_CLIENT_ID: 'voiceplane', OIDC_CLIENT_SECRET: 's3cret' };

describe('OpenID Connect configuration', () => {
  it('is off without settings and on with all three, labelled "OpenID Connect" unless named', () => {
    expect(oidcClientConfig(parseEnv({}))).toBeNull();
    expect(oidcProblems(parseEnv({}))).toEqual([]);
    expect(oidcClientConfig(parseEnv(ALL))).toEqual({
      issuerUrl: 'https://id.example.test',
      clientId: 'voiceplane',
      clientSecret: 's3cret',
      displayName: 'OpenID Connect',
    });
    expect(oidcClientConfig(parseEnv({ ...ALL, OIDC_DISPLAY_NAME: 'Acme SSO' }))?.displayName).toBe('Acme SSO');
  });

  it('names what is missing when only part is set', () => {
    const problems = oidcProblems(parseEnv({ OIDC_ISSUER_URL: ALL.OIDC_ISSUER_URL }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^OIDC_CLIENT_ID, OIDC_CLIENT_SECRET must be set too/);
    expect(oidcClientConfig(parseEnv({ OIDC_ISSUER_URL: ALL.OIDC_ISSUER_URL }))).toBeNull();
  });

  it('wants TLS to a provider elsewhere in production', () => {
    const plain = { ...ALL, OIDC_ISSUER_URL: 'http://id.example.test', APP_ENV: 'production' };
    expect(oidcProblems(parseEnv(plain))).toEqual(['OIDC_ISSUER_URL must be an https:// URL']);
    expect(oidcProblems(parseEnv({ ...plain, OIDC_ISSUER_URL: 'http://127.0.0.1:9000' }))).toEqual([]);
    expect(oidcProblems(parseEnv({ ...plain, APP_ENV: 'test' }))).toEqual([]);
  });
});
