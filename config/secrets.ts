import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { passwordProblems } from '../contracts/password-policy';
import type { Env } from './env';

export interface Secrets {
  secretKey: string;
  adminPassword: string;
  /** Password of the demo tenant's users (development only). */
  demoPassword: string;
}

export class SecretsError extends Error {}

/** What production lacks among its own secrets, one line each (nothing outside production). */
export function secretProblems(env: Env): string[] {
  if (env.APP_ENV !== 'production') return [];
  const problems: string[] = [];
  if (!env.SECRET_KEY || env.SECRET_KEY.length < 32)
    problems.push('SECRET_KEY must be set to at least 32 random characters');
  const weak = passwordProblems(env.SEED_ADMIN_PASSWORD ?? '', 'strong');
  if (!env.SEED_ADMIN_PASSWORD || weak.length > 0) {
    problems.push(`SEED_ADMIN_PASSWORD must be set and contain ${weak.join(', ') || 'a value'}`);
  }
  return problems;
}

/**
 * Production refuses weak or missing secrets and says which. Development and tests generate them once and keep
 * them in the git-ignored data folder, so sessions and dev logins survive restarts.
 */
export function resolveSecrets(env: Env): Secrets {
  if (env.APP_ENV === 'production') {
    const problems = secretProblems(env);
    if (problems.length > 0) throw new SecretsError(`Refusing to start in production:\n  - ${problems.join('\n  - ')}`);
    return { secretKey: env.SECRET_KEY!, adminPassword: env.SEED_ADMIN_PASSWORD!, demoPassword: '' };
  }
  const file = path.resolve(env.DATA_DIR, 'dev-secrets.json');
  let stored: Secrets;
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  } else {
    stored = {
      secretKey: randomBytes(32).toString('base64url'),
      adminPassword: `Admin-${randomBytes(9).toString('base64url')}-1`,
      demoPassword: `demo-${randomBytes(6).toString('hex')}`,
    };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    secretKey: env.SECRET_KEY ?? stored.secretKey,
    adminPassword: env.SEED_ADMIN_PASSWORD ?? stored.adminPassword,
    demoPassword: stored.demoPassword,
  };
}
