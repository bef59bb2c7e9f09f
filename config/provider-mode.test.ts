import { parseEnv } from './env';
import { providerCredentials, providerMode, providerProblems } from './provider-mode';
import { SIMULATOR_STRIPE_SECRET_KEY, SIMULATOR_STRIPE_WEBHOOK_SECRET } from './simulator-credentials';
import { startupProblems } from './startup-requirements';

const LIVE = {
  TWILIO_ACCOUNT_SID: 'AC123',
  TWILIO_AUTH_TOKEN: 'real-token',
  HEROKU_API_KEY: 'heroku-key',
  STRIPE_SECRET_KEY: 'sk_live_real',
  STRIPE_WEBHOOK_SECRET: 'whsec_real',
};
const LIVE_NAMES = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'HEROKU_API_KEY',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
];
const STRONG = { SECRET_KEY: 'k'.repeat(40), SEED_ADMIN_PASSWORD: 'Sufficiently-Strong-Pass-9' };

describe('provider mode', () => {
  it('uses the simulator outside production when no provider credential is given', () => {
    expect(providerMode(parseEnv({}))).toBe('simulator');
    expect(providerProblems(parseEnv({}))).toEqual([]);
    expect(providerCredentials(parseEnv({})).twilio).toEqual({});
    expect(providerCredentials(parseEnv({})).stripe).toEqual({});
  });

  it('goes live in development as soon as a credential is given, and then wants all of them', () => {
    const env = parseEnv({ TWILIO_AUTH_TOKEN: 'real-token' });
    expect(providerMode(env)).toBe('live');
    expect(providerProblems(env).join('\n')).toMatch(/TWILIO_ACCOUNT_SID[\s\S]*HEROKU_API_KEY/);
  });

  it('goes live when only a Stripe key is given, and then wants the webhook secret too', () => {
    const env = parseEnv({ STRIPE_SECRET_KEY: 'sk_live_real' });
    expect(providerMode(env)).toBe('live');
    const problems = providerProblems(env).join('\n');
    expect(problems).toContain('STRIPE_WEBHOOK_SECRET must be set');
    expect(problems).not.toContain('STRIPE_SECRET_KEY');
  });

  it('keeps stray credentials away from an explicitly chosen simulator', () => {
    const env = parseEnv({ ...LIVE, PROVIDERS: 'simulator' });
    expect(providerMode(env)).toBe('simulator');
    expect(providerCredentials(env)).toEqual({ twilio: {}, heroku: { team: undefined }, stripe: {} });
  });

  it('is live in production and never falls back to the simulator', () => {
    const env = parseEnv({ APP_ENV: 'production', ...STRONG });
    expect(providerMode(env)).toBe('live');
    const problems = startupProblems(env).join('\n');
    for (const name of [...LIVE_NAMES, 'SMTP_URL']) expect(problems).toContain(name);
  });

  it.each([
    ['blank', { TWILIO_AUTH_TOKEN: '   ' }, /TWILIO_AUTH_TOKEN must be set/],
    ['the simulator’s public token', { TWILIO_AUTH_TOKEN: 'simulator' }, /TWILIO_AUTH_TOKEN is the provider simulator/],
    [
      'the simulator’s account',
      { TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}` },
      /TWILIO_ACCOUNT_SID is the provider simulator/,
    ],
    [
      'the simulator’s Stripe key',
      { STRIPE_SECRET_KEY: SIMULATOR_STRIPE_SECRET_KEY },
      /STRIPE_SECRET_KEY is the provider simulator/,
    ],
    [
      'the simulator’s Stripe webhook secret',
      { STRIPE_WEBHOOK_SECRET: SIMULATOR_STRIPE_WEBHOOK_SECRET },
      /STRIPE_WEBHOOK_SECRET is the provider simulator/,
    ],
  ])('refuses a live credential that is %s', (_name, change, message) => {
    const env = parseEnv({ APP_ENV: 'production', ...STRONG, ...LIVE, SMTP_URL: 'smtp://mail:587', ...change });
    expect(startupProblems(env)).toEqual([expect.stringMatching(message)]);
  });

  it('refuses PROVIDERS=simulator in production, saying why', () => {
    const env = parseEnv({ APP_ENV: 'production', PROVIDERS: 'simulator', ...STRONG, SMTP_URL: 'smtp://mail:587' });
    expect(startupProblems(env)).toEqual([expect.stringMatching(/PROVIDERS=simulator is refused in production/)]);
  });

  it('starts production with every secret it verifies or calls with', () => {
    const env = parseEnv({ APP_ENV: 'production', ...STRONG, ...LIVE, SMTP_URL: 'smtp://mail:587' });
    expect(startupProblems(env)).toEqual([]);
    expect(providerCredentials(env).twilio).toEqual({ accountSid: 'AC123', authToken: 'real-token' });
    expect(providerCredentials(env).stripe).toEqual({ secretKey: 'sk_live_real', webhookSecret: 'whsec_real' });
  });
});
