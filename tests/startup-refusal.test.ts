import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** Runs a process entry point as production would, with only the given environment. */
function start(entry: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr };
}

const REQUIRED_IN_PRODUCTION = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'HEROKU_API_KEY',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'SMTP_URL',
];
const STRONG = { APP_ENV: 'production', SECRET_KEY: 'k'.repeat(40), SEED_ADMIN_PASSWORD: 'Sufficiently-Strong-Pass-9' };

describe('production start-up', () => {
  it.each(['api/server.ts', 'temporal/worker-main.ts'])(
    '%s refuses to start without provider secrets and a mail transport, naming each',
    (entry) => {
      const { status, stderr } = start(entry, STRONG);
      expect(status).toBe(1);
      for (const name of REQUIRED_IN_PRODUCTION) expect(stderr).toContain(name);
      expect(stderr).toContain('Refusing to start (APP_ENV=production)');
    },
  );

  it('refuses the simulator in production even when asked for it explicitly', () => {
    const { status, stderr } = start('api/server.ts', { ...STRONG, PROVIDERS: 'simulator', SMTP_URL: 'smtp://x:1' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/PROVIDERS=simulator is refused in production/);
  });
});
