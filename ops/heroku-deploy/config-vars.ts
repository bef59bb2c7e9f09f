import { parseEnv, EnvError } from '../../config/env';
import { startupProblems } from '../../config/startup-requirements';

/** Settings of the deploy itself, read from the same `.env`; never set on the app. */
export const DEPLOY_SETTINGS = [
  'HEROKU_APP_NAME',
  'HEROKU_REGION',
  'HEROKU_POSTGRES_PLAN',
  'HEROKU_DYNO_SIZE',
  'HEROKU_DEPLOY_API_KEY',
] as const;

/** Set by Heroku or by the Procfile's processes, so a value in the `.env` would be wrong on a dyno. */
const MANAGED_BY_HEROKU: Record<string, string> = {
  DATABASE_URL: 'set by the heroku-postgresql add-on',
  PORT: 'set by Heroku for the web dyno',
  API_HOST: 'the web dyno runs the API on its loopback (ops/heroku-web.ts)',
  API_PORT: 'the web dyno picks the internal API port (ops/heroku-web.ts)',
};

/** Always set: the app runs in production with live providers and TLS to Heroku Postgres. */
const FIXED = { APP_ENV: 'production', NODE_ENV: 'production', PROVIDERS: 'live' } as const;

/**
 * Heroku Postgres requires TLS; its certificates are not issued for the database's host name, so node-postgres
 * cannot verify them (`no-verify`: encrypted, not authenticated). Overridable in the `.env`.
 */
const DEFAULTS = { PGSSLMODE: 'no-verify' } as const;

/** Stand-in for a SECRET_KEY the deploy will generate, so the requirement check does not report it missing. */
const GENERATED_PLACEHOLDER = 'generated-at-deploy-time-'.padEnd(48, 'x');

export interface ConfigPlan {
  /** Config vars to set, by name (values stay inside this object; print names only). */
  vars: Record<string, string>;
  /** SECRET_KEY is missing from the `.env`: the deploy keeps the app's own or generates one. */
  generateSecretKey: boolean;
  /** Names dropped from the `.env`, with why. */
  skipped: { name: string; reason: string }[];
  /** Everything that keeps the app from starting, one line each, naming the variable. */
  problems: string[];
  deploy: { appName?: string; region: string; postgresPlan: string; dynoSize: string; apiKey?: string };
}

/** What the `.env` asks for, checked against what production refuses to start without (config/). */
export function planConfigVars(file: Record<string, string>): ConfigPlan {
  const vars: Record<string, string> = {};
  const skipped: ConfigPlan['skipped'] = [];
  for (const [name, value] of Object.entries(file)) {
    if ((DEPLOY_SETTINGS as readonly string[]).includes(name)) continue;
    if (MANAGED_BY_HEROKU[name]) {
      skipped.push({ name, reason: MANAGED_BY_HEROKU[name] });
      continue;
    }
    if (value.trim() === '') continue;
    vars[name] = value;
  }
  Object.assign(vars, { ...DEFAULTS, ...vars }, FIXED);
  const generateSecretKey = !vars.SECRET_KEY;

  const problems: string[] = [];
  if (!file.HEROKU_APP_NAME?.trim()) problems.push('HEROKU_APP_NAME must be set: the name of the platform app');
  if (!file.HEROKU_DEPLOY_API_KEY?.trim() && !vars.HEROKU_API_KEY?.trim()) {
    problems.push('HEROKU_API_KEY (or HEROKU_DEPLOY_API_KEY) must be set: the deploy authenticates with it');
  }
  // Heroku runs no Temporal server: the default (127.0.0.1:7233) would reach nothing from a dyno.
  if (!vars.TEMPORAL_ADDRESS?.trim()) {
    problems.push('TEMPORAL_ADDRESS must be set: a Temporal server reachable from the dynos (host:port)');
  }
  try {
    const env = parseEnv({
      ...vars,
      DATABASE_URL: 'postgres://heroku-postgresql@localhost/app',
      ...(generateSecretKey ? { SECRET_KEY: GENERATED_PLACEHOLDER } : {}),
    });
    problems.push(...startupProblems(env));
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    problems.push(...error.problems);
  }

  return {
    vars,
    generateSecretKey,
    skipped,
    problems,
    deploy: {
      appName: file.HEROKU_APP_NAME?.trim() || undefined,
      region: file.HEROKU_REGION?.trim() || 'eu',
      postgresPlan: file.HEROKU_POSTGRES_PLAN?.trim() || 'heroku-postgresql:essential-0',
      dynoSize: file.HEROKU_DYNO_SIZE?.trim() || 'basic',
      apiKey: file.HEROKU_DEPLOY_API_KEY?.trim() || vars.HEROKU_API_KEY?.trim() || undefined,
    },
  };
}
