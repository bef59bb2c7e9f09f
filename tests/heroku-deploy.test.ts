import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Values that must never appear in what the deploy prints. */
const SECRETS = {
  TWILIO_AUTH_TOKEN: 'tw-auth-token-never-printed-1',
  HEROKU_API_KEY: 'heroku-api-key-never-printed-2',
  STRIPE_SECRET_KEY: 'sk_live_never_printed_3',
  STRIPE_WEBHOOK_SECRET: 'whsec_never_printed_4',
  SMTP_URL: 'smtp://mailer:smtp-password-never-printed-5@mail.example.net:587',
  SEED_ADMIN_PASSWORD: 'Admin-Password-Never-Printed-6!',
};
const COMPLETE_ENV = {
  HEROKU_APP_NAME: 'voiceplane-deploy-test',
  TEMPORAL_ADDRESS: 'temporal.example.net:7233',
  TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
  MAIL_FROM: 'VoicePlane <no-reply@example.net>',
  DATABASE_URL: 'postgres://someone:db-password-never-printed-7@db.example.net/app',
  ...SECRETS,
};

interface Recorded {
  method: string;
  path: string;
  body: Buffer;
  authorization?: string;
}

/** A stand-in for the Heroku Platform API (and the source upload host and the app's web origin) that records every request. */
async function startHerokuStandIn() {
  const requests: Recorded[] = [];
  const configVars: Record<string, string> = {};
  let buildPolls = 0;
  const server: Server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = request.url ?? '/';
    requests.push({ method: request.method ?? '', path: url, body, authorization: request.headers.authorization });
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const app = { name: COMPLETE_ENV.HEROKU_APP_NAME, web_url: `${base}/web/` };
    const route = `${request.method} ${url}`;
    if (route === `GET /apps/${app.name}`) return json(404, { id: 'not_found', message: "Couldn't find that app." });
    if (route === 'POST /apps') return json(201, app);
    if (route === `GET /apps/${app.name}/addons`) return json(200, []);
    if (route === `POST /apps/${app.name}/addons`) {
      return json(201, { name: 'postgresql-shaped-12345', addon_service: { name: 'heroku-postgresql' } });
    }
    if (route === `GET /apps/${app.name}/config-vars`) return json(200, configVars);
    if (route === `PATCH /apps/${app.name}/config-vars`) {
      Object.assign(configVars, JSON.parse(body.toString()));
      return json(200, configVars);
    }
    if (route === 'POST /sources') {
      return json(201, { source_blob: { get_url: `${base}/blob/get`, put_url: `${base}/blob/put` } });
    }
    if (route === 'PUT /blob/put') return json(200, {});
    if (route === `POST /apps/${app.name}/builds`)
      return json(201, { id: 'build-1', status: 'pending', release: null });
    if (route === `GET /apps/${app.name}/builds/build-1`) {
      buildPolls += 1;
      return buildPolls < 2
        ? json(200, { id: 'build-1', status: 'pending', release: null })
        : json(200, { id: 'build-1', status: 'succeeded', release: { id: 'release-1' } });
    }
    if (route === `GET /apps/${app.name}/releases/release-1`) {
      return json(200, { id: 'release-1', version: 7, status: 'succeeded' });
    }
    if (route === `PATCH /apps/${app.name}/formation`) return json(200, []);
    if (route === 'GET /web/api/health/ready') return json(200, { status: 'ready' });
    return json(404, { id: 'not_found', message: `stand-in has no ${route}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    configVars,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs `npm run deploy:heroku`'s script as a process, the way an operator does. */
function deploy(envFile: string, args: string[], herokuApiUrl: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'ops/heroku-deploy.ts', '--env-file', envFile, '--poll-ms', '20', ...args],
      { cwd: path.resolve(__dirname, '..'), env: { PATH: process.env.PATH, HEROKU_API_URL: herokuApiUrl } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const envText = (vars: Record<string, string>) =>
  Object.entries(vars)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join('\n');

describe('ops/heroku-deploy', () => {
  let dir: string;
  let heroku: Awaited<ReturnType<typeof startHerokuStandIn>>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'heroku-deploy-'));
    heroku = await startHerokuStandIn();
  });
  afterAll(async () => {
    await heroku.stop();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    heroku.requests.length = 0;
  });

  const expectNoSecretIn = (output: string) => {
    for (const value of [...Object.values(SECRETS), 'db-password-never-printed-7']) {
      expect(output).not.toContain(value);
    }
  };

  it('--dry-run prints every step and the config vars by name, touches no network and prints no secret', async () => {
    const envFile = path.join(dir, 'complete.env');
    await writeFile(envFile, envText(COMPLETE_ENV));
    const { code, output } = await deploy(envFile, ['--dry-run'], heroku.url);

    expect(code).toBe(0);
    expect(heroku.requests).toEqual([]);
    const steps = output.split('\n').filter((line) => line.startsWith('==> '));
    expect(steps.map((line) => /^==> \[(\d)\/8\] (\w+)/.exec(line)?.slice(1))).toEqual([
      ['1', 'App'],
      ['2', 'Add'],
      ['3', 'Config'],
      ['4', 'Code'],
      ['5', 'Release'],
      ['6', 'Formation'],
      ['7', 'Readiness'],
      ['8', 'Done'],
    ]);
    const configLine = steps[2]!;
    for (const name of [...Object.keys(SECRETS), 'APP_ENV', 'PROVIDERS', 'TEMPORAL_ADDRESS', 'PGSSLMODE']) {
      expect(configLine).toContain(name);
    }
    // The add-on sets DATABASE_URL; the deploy-only setting is not a config var.
    expect(configLine).not.toContain('DATABASE_URL');
    expect(configLine).not.toContain('HEROKU_APP_NAME');
    expect(output).toContain('skipped DATABASE_URL');
    expect(output).toContain('SECRET_KEY: kept if the app has one, otherwise generated');
    expectNoSecretIn(output);
  });

  it('names every missing required variable and stops before any step', async () => {
    const incomplete: Record<string, string> = { ...COMPLETE_ENV };
    delete incomplete.STRIPE_WEBHOOK_SECRET;
    delete incomplete.TEMPORAL_ADDRESS;
    delete incomplete.SMTP_URL;
    const envFile = path.join(dir, 'incomplete.env');
    await writeFile(envFile, envText(incomplete));
    const { code, output } = await deploy(envFile, ['--dry-run'], heroku.url);

    expect(code).toBe(1);
    expect(output).toContain('Cannot deploy: 3 problem(s)');
    expect(output).toMatch(/- STRIPE_WEBHOOK_SECRET must be set/);
    expect(output).toMatch(/- TEMPORAL_ADDRESS must be set/);
    expect(output).toMatch(/- SMTP_URL must be set/);
    expect(output).not.toContain('==> ');
    expect(heroku.requests).toEqual([]);
    expectNoSecretIn(output);
  });

  it('deploys against a Platform API stand-in: app, Postgres, config vars, source build, release, formation, readiness', async () => {
    const envFile = path.join(dir, 'complete.env');
    await writeFile(envFile, envText(COMPLETE_ENV));
    const { code, output } = await deploy(envFile, [], heroku.url);

    expect(output).toContain('==> [8/8] Done');
    expect(code).toBe(0);
    expect(heroku.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /apps/voiceplane-deploy-test',
      'POST /apps',
      'GET /apps/voiceplane-deploy-test/addons',
      'POST /apps/voiceplane-deploy-test/addons',
      'GET /apps/voiceplane-deploy-test/config-vars',
      'PATCH /apps/voiceplane-deploy-test/config-vars',
      'POST /sources',
      'PUT /blob/put',
      'POST /apps/voiceplane-deploy-test/builds',
      'GET /apps/voiceplane-deploy-test/builds/build-1',
      'GET /apps/voiceplane-deploy-test/builds/build-1',
      'GET /apps/voiceplane-deploy-test/releases/release-1',
      'PATCH /apps/voiceplane-deploy-test/formation',
      'GET /web/api/health/ready',
    ]);
    // The Platform API calls carry the deploy key; the upload and the app's own URL do not.
    const platformCalls = heroku.requests.filter((r) => !r.path.startsWith('/blob') && !r.path.startsWith('/web'));
    // heroku-client sends the key as HTTP Basic with an empty user, as the Heroku CLI does.
    const basic = `Basic ${Buffer.from(`:${SECRETS.HEROKU_API_KEY}`).toString('base64')}`;
    for (const call of platformCalls) expect(call.authorization).toBe(basic);
    expect(heroku.requests.find((r) => r.path === '/blob/put')!.authorization).toBeUndefined();

    const addOn = JSON.parse(heroku.requests[3]!.body.toString());
    expect(addOn).toEqual({ plan: 'heroku-postgresql:essential-0' });
    expect(heroku.configVars).toMatchObject({
      ...SECRETS,
      APP_ENV: 'production',
      PROVIDERS: 'live',
      TEMPORAL_ADDRESS: COMPLETE_ENV.TEMPORAL_ADDRESS,
      PUBLIC_BASE_URL: `${heroku.url}/web`,
    });
    expect(heroku.configVars.SECRET_KEY!.length).toBeGreaterThanOrEqual(32);
    expect(heroku.configVars.DATABASE_URL).toBeUndefined();
    expect(heroku.configVars.HEROKU_APP_NAME).toBeUndefined();

    // The source tarball is this repository's committed HEAD (what the buildpack builds).
    const tar = gunzipSync(heroku.requests.find((r) => r.path === '/blob/put')!.body).toString('latin1');
    expect(tar).toContain('package.json');
    expect(tar).toContain('"name": "voiceplane"');
    const build = JSON.parse(heroku.requests[8]!.body.toString());
    expect(build.source_blob).toEqual({
      url: `${heroku.url}/blob/get`,
      version: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    const formation = JSON.parse(heroku.requests[12]!.body.toString());
    expect(formation.updates).toEqual([
      { type: 'web', quantity: 1, size: 'basic' },
      { type: 'worker', quantity: 1, size: 'basic' },
    ]);

    expectNoSecretIn(output);
    expect(output).not.toContain(heroku.configVars.SECRET_KEY);
  });
});
