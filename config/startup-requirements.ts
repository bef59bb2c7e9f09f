import type { Env } from './env';
import { oidcProblems } from './oidc';
import { pricingProblems } from './pricing';
import { providerProblems } from './provider-mode';
import { secretProblems } from './secrets';

/** Production sends real mail (verification links, security notices); without a transport they would vanish. */
function mailProblems(env: Env): string[] {
  return env.APP_ENV === 'production' && !env.SMTP_URL
    ? ['SMTP_URL must be set: production sends verification and security mail (smtp://user:pass@host:587)']
    : [];
}

/** Everything that keeps this process from starting as configured, one line per missing or unsafe setting. */
export function startupProblems(env: Env): string[] {
  return [
    ...secretProblems(env),
    ...providerProblems(env),
    ...mailProblems(env),
    ...pricingProblems(),
    ...oidcProblems(env),
  ];
}
