import { EnvError, parseEnv, simulatorStripeWebhookUrl } from './env';

describe('parseEnv', () => {
  it('fills in development defaults from an empty environment', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      APP_ENV: 'development',
      API_PORT: 4000,
      WEB_PORT: 3000,
      SIM_PORT: 4010,
      TEMPORAL_UI_PORT: 8233,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.ONBOARDING_VERIFICATION_TIMEOUT).toBe(7 * 86_400_000);
  });

  it('parses durations and ports, and treats empty strings as unset', () => {
    const env = parseEnv({ ONBOARDING_VERIFICATION_TIMEOUT: '90s', API_PORT: '4100', DATABASE_URL: '' });
    expect(env.ONBOARDING_VERIFICATION_TIMEOUT).toBe(90_000);
    expect(env.API_PORT).toBe(4100);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names every invalid variable at once', () => {
    let caught: unknown;
    try {
      parseEnv({
        API_PORT: 'http',
        APP_ENV: 'staging',
        DATABASE_URL: 'mysql://x',
        ONBOARDING_VERIFICATION_TIMEOUT: 'soon',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const message = (caught as EnvError).message;
    for (const name of ['API_PORT', 'APP_ENV', 'DATABASE_URL', 'ONBOARDING_VERIFICATION_TIMEOUT'])
      expect(message).toContain(name);
  });

  it('reads the dunning schedule as a list of durations and refuses a malformed one', () => {
    expect(parseEnv({}).DUNNING_REMINDERS).toEqual([0, 3 * 86_400_000, 7 * 86_400_000]);
    expect(parseEnv({ DUNNING_REMINDERS: '0s, 2s,4s', DUNNING_GRACE: '6s' })).toMatchObject({
      DUNNING_REMINDERS: [0, 2_000, 4_000],
      DUNNING_GRACE: 6_000,
    });
    expect(() => parseEnv({ DUNNING_REMINDERS: '0d,soon' })).toThrow(/DUNNING_REMINDERS/);
  });

  it('sends the simulator’s Stripe events to the API’s webhook route unless told otherwise', () => {
    expect(simulatorStripeWebhookUrl(parseEnv({ API_PORT: '4100' }))).toBe(
      'http://127.0.0.1:4100/api/billing/stripe/webhook',
    );
    const configured = parseEnv({ SIM_STRIPE_WEBHOOK_URL: 'http://api:4000/api/billing/stripe/webhook' });
    expect(simulatorStripeWebhookUrl(configured)).toBe('http://api:4000/api/billing/stripe/webhook');
    expect(() => parseEnv({ SIM_STRIPE_WEBHOOK_URL: 'not a url' })).toThrow(/SIM_STRIPE_WEBHOOK_URL/);
  });
});
