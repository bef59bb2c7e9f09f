import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnv } from './env';
import { resolveSecrets, SecretsError } from './secrets';

describe('resolveSecrets', () => {
  it('refuses to start in production without a secret key and a strong admin password, naming both', () => {
    expect(() => resolveSecrets(parseEnv({ APP_ENV: 'production', SEED_ADMIN_PASSWORD: 'password123' }))).toThrow(
      SecretsError,
    );
    try {
      resolveSecrets(parseEnv({ APP_ENV: 'production', SEED_ADMIN_PASSWORD: 'password123' }));
    } catch (error) {
      expect((error as Error).message).toMatch(/SECRET_KEY/);
      expect((error as Error).message).toMatch(/SEED_ADMIN_PASSWORD.*16 characters/);
    }
  });

  it('accepts strong production secrets as given', () => {
    const secrets = resolveSecrets(
      parseEnv({
        APP_ENV: 'production',
        SECRET_KEY: 'k'.repeat(40),
        SEED_ADMIN_PASSWORD: 'Sufficiently-Strong-Pass-9',
      }),
    );
    expect(secrets).toMatchObject({ secretKey: 'k'.repeat(40), adminPassword: 'Sufficiently-Strong-Pass-9' });
  });

  it('generates development secrets once and keeps them across restarts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vp-secrets-'));
    const first = resolveSecrets(parseEnv({ DATA_DIR: dir }));
    const second = resolveSecrets(parseEnv({ DATA_DIR: dir }));
    expect(second).toEqual(first);
    expect(first.secretKey.length).toBeGreaterThanOrEqual(32);
    expect(JSON.parse(readFileSync(path.join(dir, 'dev-secrets.json'), 'utf8')).secretKey).toBe(first.secretKey);
  });
});
