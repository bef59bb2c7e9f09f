import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { ConfigPlan } from './config-vars';
import type { HerokuApi, HerokuApp } from './heroku-api';

export interface DeployOptions {
  plan: ConfigPlan;
  dryRun: boolean;
  /** Only for a real run (a dry run never builds one, so it needs no network and no key). */
  api?: () => HerokuApi;
  /** The repository whose HEAD is deployed. */
  repoDir: string;
  print: (line: string) => void;
  pollMs?: number;
  /** How long to wait for the build, the release phase and readiness, each. */
  waitMs?: number;
}

const PROCESS_TYPES = ['web', 'worker'] as const;

/** The deploy, step by step; every step is printed, config vars by name only. Returns the exit code. */
export async function runDeploy(options: DeployOptions): Promise<number> {
  const { plan, dryRun, print } = options;
  const { appName, region, postgresPlan, dynoSize } = plan.deploy;
  const names = Object.keys(plan.vars).sort();
  const total = 8;
  let step = 0;
  const heading = (text: string) => print(`==> [${++step}/${total}] ${text}`);
  const detail = (text: string) => print(`    ${text}`);

  print(
    `${dryRun ? 'Dry run: nothing is created, changed or uploaded' : 'Deploying'} to Heroku app "${appName ?? '?'}"`,
  );
  for (const { name, reason } of plan.skipped) print(`    skipped ${name} from the .env: ${reason}`);
  if (plan.problems.length > 0) {
    print(`Cannot deploy: ${plan.problems.length} problem(s) in the .env`);
    for (const problem of plan.problems) print(`  - ${problem}`);
    return 1;
  }
  const commit = git(options.repoDir, ['rev-parse', 'HEAD']);

  if (dryRun) {
    heading(`App: reuse "${appName}" or create it (region ${region}, stack heroku-24)`);
    heading(`Add-on: ${postgresPlan} unless the app has Postgres (it sets DATABASE_URL)`);
    heading(`Config vars: set ${names.length}: ${names.join(', ')}`);
    if (plan.generateSecretKey) detail('SECRET_KEY: kept if the app has one, otherwise generated (never printed)');
    detail("PUBLIC_BASE_URL: the app's web URL unless the .env sets it");
    heading(`Code: upload git archive of HEAD ${commit.slice(0, 12)} as a source tarball, build it`);
    heading('Release phase: migrations and the platform admin seed (Procfile `release`)');
    heading(`Formation: ${PROCESS_TYPES.map((type) => `${type}=1`).join(', ')} (${dynoSize})`);
    heading('Readiness: GET <web url>/api/health/ready until 200');
    heading('Done: prints the app URL');
    print('Dry run complete.');
    return 0;
  }

  const api = options.api!();
  const pollMs = options.pollMs ?? 3_000;
  const waitMs = options.waitMs ?? 15 * 60_000;
  const name = appName!;

  heading(`App "${name}"`);
  let app: HerokuApp | null = await api.findApp(name);
  if (app) detail(`reusing ${app.name} (${app.web_url})`);
  else {
    app = await api.createApp({ name, region, team: plan.vars.HEROKU_TEAM_NAME });
    detail(`created ${app.name} in ${region} (${app.web_url})`);
  }

  heading('Add-on: Postgres');
  const addOns = await api.listAddOns(name);
  const postgres = addOns.find((addOn) => addOn.addon_service.name === 'heroku-postgresql');
  if (postgres) detail(`reusing ${postgres.name}`);
  else detail(`provisioned ${(await api.createAddOn(name, postgresPlan)).name} (${postgresPlan})`);

  heading('Config vars');
  const existing = new Set(await api.configVarNames(name));
  const vars = { ...plan.vars };
  if (plan.generateSecretKey) {
    if (existing.has('SECRET_KEY')) detail('SECRET_KEY: kept the app’s own');
    else {
      vars.SECRET_KEY = randomBytes(48).toString('base64url');
      detail('SECRET_KEY: generated (not printed)');
    }
  }
  vars.PUBLIC_BASE_URL ??= app.web_url.replace(/\/$/, '');
  await api.setConfigVars(name, vars);
  detail(`set ${Object.keys(vars).length}: ${Object.keys(vars).sort().join(', ')}`);

  heading(`Code: HEAD ${commit.slice(0, 12)}`);
  const source = await api.createSource();
  const tarball = execFileSync('git', ['archive', '--format=tar.gz', commit], {
    cwd: options.repoDir,
    maxBuffer: 512 * 1024 * 1024,
  });
  const upload = await fetch(source.source_blob.put_url, { method: 'PUT', body: tarball });
  if (!upload.ok) throw new Error(`uploading the source tarball failed: HTTP ${upload.status}`);
  detail(`uploaded ${(tarball.length / 1024).toFixed(0)} KiB`);
  let build = await api.createBuild(name, { url: source.source_blob.get_url, version: commit });
  detail(`build ${build.id} started`);
  build = await pollUntil(
    () => api.getBuild(name, build.id),
    (b) => b.status !== 'pending',
    pollMs,
    waitMs,
    'build',
  );
  if (build.status !== 'succeeded' || !build.release) {
    print(`Build ${build.id} ${build.status}: see \`heroku builds:output ${build.id} -a ${name}\``);
    return 1;
  }
  detail(`build ${build.status}`);

  heading('Release phase: migrations and seed');
  const releaseId = build.release.id;
  const release = await pollUntil(
    () => api.getRelease(name, releaseId),
    (r) => r.status !== 'pending',
    pollMs,
    waitMs,
    'release',
  );
  if (release.status !== 'succeeded') {
    print(
      `Release v${release.version} ${release.status}: see \`heroku releases:output ${release.version} -a ${name}\``,
    );
    return 1;
  }
  detail(`release v${release.version} succeeded`);

  heading('Formation');
  await api.scale(
    name,
    PROCESS_TYPES.map((type) => ({ type, quantity: 1, size: dynoSize })),
  );
  detail(`${PROCESS_TYPES.map((type) => `${type}=1`).join(', ')} (${dynoSize})`);

  heading('Readiness');
  const readyUrl = `${vars.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/health/ready`;
  const ready = await pollUntil(
    () =>
      fetch(readyUrl).then(
        (response) => response.status,
        () => 0,
      ),
    (status) => status === 200,
    pollMs,
    waitMs,
    'readiness',
  ).catch(() => 0);
  if (ready !== 200) {
    print(`Not ready: ${readyUrl} did not answer 200 (see \`heroku logs -a ${name}\`)`);
    return 1;
  }
  detail(`${readyUrl}: ready`);

  heading('Done');
  detail(`${vars.PUBLIC_BASE_URL}`);
  return 0;
}

async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  everyMs: number,
  withinMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not finish within ${Math.round(withinMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
