import type { Env } from './env';
import {
  SIMULATOR_ACCOUNT_SID,
  SIMULATOR_AUTH_TOKEN,
  SIMULATOR_STRIPE_SECRET_KEY,
  SIMULATOR_STRIPE_WEBHOOK_SECRET,
} from './simulator-credentials';

export type ProviderMode = 'simulator' | 'live';

/** Credentials the platform verifies webhooks with or calls providers with; each one is required when live. */
const LIVE_CREDENTIALS = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'HEROKU_API_KEY',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
] as const;

/** The explicit PROVIDERS, else live in production, else live only when some provider credential is given. */
export function providerMode(env: Env): ProviderMode {
  if (env.PROVIDERS) return env.PROVIDERS;
  if (env.APP_ENV === 'production') return 'live';
  return LIVE_CREDENTIALS.some((name) => env[name]) ? 'live' : 'simulator';
}

/**
 * What keeps the providers from running as configured, one line per problem. A live platform never falls back
 * to the simulator: its webhook secrets are public, so anyone could sign a call with them.
 */
export function providerProblems(env: Env): string[] {
  const mode = providerMode(env);
  if (mode === 'simulator') {
    return env.APP_ENV === 'production'
      ? ['PROVIDERS=simulator is refused in production: the simulator signs webhooks with public test secrets']
      : [];
  }
  const problems: string[] = [];
  for (const name of LIVE_CREDENTIALS) {
    const value = env[name]?.trim();
    if (!value) {
      problems.push(
        `${name} must be set: providers are live (PROVIDERS=${env.PROVIDERS ?? 'unset'}, APP_ENV=${env.APP_ENV})`,
      );
    } else if (PUBLIC_SIMULATOR_VALUES.has(value)) {
      problems.push(`${name} is the provider simulator's public value; live providers need the real one`);
    }
  }
  return problems;
}

/** Values anyone can read in this repository: never a live credential. */
const PUBLIC_SIMULATOR_VALUES = new Set([
  SIMULATOR_ACCOUNT_SID,
  SIMULATOR_AUTH_TOKEN,
  SIMULATOR_STRIPE_SECRET_KEY,
  SIMULATOR_STRIPE_WEBHOOK_SECRET,
  'simulator',
]);

/** Live credentials for the SDK adapters; none in simulator mode, so a stray key never reaches the simulator. */
export function providerCredentials(env: Env) {
  const live = providerMode(env) === 'live';
  return {
    twilio: live ? { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN } : {},
    heroku: live ? { apiKey: env.HEROKU_API_KEY, team: env.HEROKU_TEAM_NAME } : { team: env.HEROKU_TEAM_NAME },
    stripe: live ? { secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET } : {},
  };
}
