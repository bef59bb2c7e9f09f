/**
 * Deploys VoicePlane to Heroku: `npm run deploy:heroku -- [--env-file .env.heroku] [--dry-run]`.
 *
 * Reads the `.env` (HEROKU_APP_NAME and the app's settings; see app.json for every variable), then: creates the
 * app or reuses it, provisions Heroku Postgres, sets the config vars (names printed, values never), uploads
 * `git archive HEAD` as a source build, waits for the release phase (migrations + seed, Procfile `release`),
 * scales web and worker, and waits for `/api/health/ready`. `--dry-run` checks the `.env` and prints the plan
 * without any network access. HEROKU_API_URL (environment only) points the client elsewhere, e.g. a stand-in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'dotenv';
import { planConfigVars } from './heroku-deploy/config-vars';
import { herokuApi } from './heroku-deploy/heroku-api';
import { runDeploy } from './heroku-deploy/run-deploy';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'env-file': { type: 'string', default: '.env' },
      'dry-run': { type: 'boolean', default: false },
      'poll-ms': { type: 'string' },
    },
  });
  const envFile = path.resolve(values['env-file']!);
  let file: Record<string, string>;
  try {
    file = parse(readFileSync(envFile));
  } catch (error) {
    console.log(`Cannot read ${envFile}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    return 1;
  }
  const plan = planConfigVars(file);
  console.log(`Settings from ${envFile}`);
  return runDeploy({
    plan,
    dryRun: values['dry-run']!,
    repoDir: path.resolve(import.meta.dirname, '..'),
    print: (line) => console.log(line),
    pollMs: values['poll-ms'] ? Number(values['poll-ms']) : undefined,
    api: () => herokuApi({ token: plan.deploy.apiKey!, host: process.env.HEROKU_API_URL }),
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Heroku's error bodies name the problem (id, message); the request, with its config vars, is never printed.
    const body = (error as { body?: { id?: string; message?: string } }).body;
    console.error(`Deploy failed: ${body?.message ?? (error as Error).message}${body?.id ? ` (${body.id})` : ''}`);
    process.exit(1);
  },
);
