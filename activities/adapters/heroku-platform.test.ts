import { simControl } from '../../sim/sim-control';
import { failureOf } from '../../tests/support/failure-of';
import { startRefusingProxy, startScriptedHttp } from '../../tests/support/scripted-http';
import { startSimulator, type RunningSimulator } from '../../sim/start-simulator';
import { createHerokuPlatform, type HerokuPlatform } from './heroku-platform';
import { ProviderError } from './provider-error';

const TARBALL = 'https://example.test/bot-template.tgz';
let sim: RunningSimulator;
let heroku: HerokuPlatform;
let control: ReturnType<typeof simControl>;

beforeAll(async () => {
  // Long enough that the first look sees it pending even on a busy machine (CI runs suites in parallel; a loaded
  // run once saw a 1 s build finish first).
  sim = await startSimulator({ port: 0, appSetupDelayMs: 3_000 });
  heroku = createHerokuPlatform({ simulatorUrl: sim.url, requestTimeoutMs: 2_000 });
  control = simControl(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => control.reset());

async function setupUntilDone(setupId: string) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const setup = await heroku.getAppSetup(setupId);
    if (setup.status !== 'pending') return setup;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('app setup stayed pending');
}

const rejection = (promise: Promise<unknown>) => failureOf(promise, ProviderError);

describe('Heroku platform adapter against the simulator', () => {
  it('deploys an app that answers its health check once configured and scaled', async () => {
    const { setupId, appName } = await heroku.createAppSetup({ appName: 'vp-bot-alpha', sourceTarballUrl: TARBALL });
    expect(appName).toBe('vp-bot-alpha');
    expect(await heroku.getAppSetup(setupId)).toEqual({ status: 'pending', failureMessage: null, appName });

    expect(await setupUntilDone(setupId)).toEqual({ status: 'succeeded', failureMessage: null, appName });
    await heroku.setConfigVars(appName, { TENANT_ID: 'tenant-1', BOT_ID: 'bot-1', STALE: 'x' });
    await heroku.setConfigVars(appName, { STALE: null });
    expect((await fetch(heroku.healthUrl(appName))).status).toBe(503);

    await heroku.scaleFormation(appName, 'web', 1, 'basic');
    const health = await fetch(heroku.healthUrl(appName));
    expect(health.status).toBe(200);
    // The voice-bot runtime itself answers, configured by the app's config vars.
    expect(await health.json()).toEqual({
      status: 'ok',
      service: 'voiceplane-voice-bot',
      botId: 'bot-1',
      tenantId: 'tenant-1',
      role: null,
      promptVersion: null,
      adapters: { stt: 'mock', tts: 'mock', llm: 'mock' },
      activeCalls: 0,
    });

    const [app] = (await control.state()).heroku.apps;
    expect(app).toMatchObject({
      config_vars: { TENANT_ID: 'tenant-1', BOT_ID: 'bot-1' },
      formation: [{ type: 'web', quantity: 1, size: 'basic' }],
    });
    expect(await heroku.findApp(appName)).toEqual({ name: appName, webUrl: `${sim.url}/sim-apps/${appName}/` });
  });

  it('keeps the health check failing while the build is still running', async () => {
    const { appName } = await heroku.createAppSetup({ appName: 'vp-bot-early', sourceTarballUrl: TARBALL });
    expect(await heroku.findApp(appName)).not.toBeNull();
    expect((await fetch(heroku.healthUrl(appName))).status).toBe(503);
    const error = await rejection(heroku.scaleFormation(appName, 'web', 1));
    expect(error).toMatchObject({ status: 404, code: 'not_found', retryable: false });
  });

  it('refuses a taken app name with a permanent name_taken error', async () => {
    await heroku.createAppSetup({ appName: 'vp-bot-taken', sourceTarballUrl: TARBALL });
    const error = await rejection(heroku.createAppSetup({ appName: 'vp-bot-taken', sourceTarballUrl: TARBALL }));
    expect(error).toMatchObject({ provider: 'heroku', status: 422, code: 'name_taken', retryable: false });
    expect(error.message).toContain('vp-bot-taken is already taken');
  });

  it('deletes an app once and reports it absent afterwards', async () => {
    const { setupId, appName } = await heroku.createAppSetup({ appName: 'vp-bot-gone', sourceTarballUrl: TARBALL });
    await setupUntilDone(setupId);
    expect(await heroku.deleteApp(appName)).toBe('deleted');
    expect(await heroku.findApp(appName)).toBeNull();
    expect(await heroku.deleteApp(appName)).toBe('absent');
    expect((await fetch(heroku.healthUrl(appName))).status).toBe(404);
  });

  it('reports a build the simulator was told to fail, with its message', async () => {
    const { setupId, appName } = await heroku.createAppSetup({ appName: 'vp-bot-broken', sourceTarballUrl: TARBALL });
    await control.fault({ operation: 'heroku.getAppSetup', mode: 'setup-failed', message: 'npm ci exited with 1' });
    expect(await heroku.getAppSetup(setupId)).toEqual({
      status: 'failed',
      failureMessage: 'npm ci exited with 1',
      appName,
    });
    expect((await fetch(heroku.healthUrl(appName))).status).toBe(503);
  });

  it('passes the team and region to the app setup', async () => {
    const teamHeroku = createHerokuPlatform({ simulatorUrl: sim.url, team: 'voiceplane-bots' });
    await teamHeroku.createAppSetup({ appName: 'vp-bot-team', sourceTarballUrl: TARBALL, region: 'eu' });
    const [app] = (await control.state()).heroku.apps;
    expect(app).toMatchObject({ name: 'vp-bot-team', team: { name: 'voiceplane-bots' }, region: { name: 'eu' } });
  });

  it('classifies injected outages as retryable and recovers once they pass', async () => {
    await control.fault({ operation: 'heroku.createAppSetup', mode: 'fail', times: 2, status: 503 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await rejection(heroku.createAppSetup({ appName: 'vp-bot-retry', sourceTarballUrl: TARBALL }));
      expect(error).toMatchObject({ status: 503, code: 'unavailable', retryable: true });
    }
    await expect(heroku.createAppSetup({ appName: 'vp-bot-retry', sourceTarballUrl: TARBALL })).resolves.toMatchObject({
      appName: 'vp-bot-retry',
    });
    expect((await control.state()).requestCounts['heroku.createAppSetup']).toBe(3);
  });

  it('gives up on a hanging API after its timeout, retryably, and sends the request only once', async () => {
    const impatient = createHerokuPlatform({ simulatorUrl: sim.url, requestTimeoutMs: 150 });
    await control.fault({ operation: 'heroku.getApp', mode: 'hang' });
    const error = await rejection(impatient.findApp('vp-bot-slow'));
    expect(error).toMatchObject({ status: null, code: 'timeout', retryable: true });
    // heroku-client on its own would send the request again about a second later.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect((await control.state()).requestCounts['heroku.getApp']).toBe(1);
  });

  it('reports an unreachable API as a retryable network error without retrying on its own', async () => {
    const closed = await startSimulator({ port: 0 });
    await closed.stop();
    const offline = createHerokuPlatform({ simulatorUrl: closed.url, requestTimeoutMs: 1_000 });
    const started = Date.now();
    const error = await rejection(offline.findApp('vp-bot-offline'));
    expect(error).toMatchObject({ status: null, code: 'ECONNREFUSED', retryable: true });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('points at the real API and herokuapp.com when an API key is configured', () => {
    const real = createHerokuPlatform({ apiKey: 'key', simulatorUrl: sim.url });
    expect(real.healthUrl('vp-bot-real')).toBe('https://vp-bot-real.herokuapp.com/health');
  });
});

describe('Heroku platform adapter against a Heroku API with unusual answers', () => {
  let answer: (method: string, path: string) => { status: number; type?: string; body: string };
  let server: Awaited<ReturnType<typeof startScriptedHttp>>;
  let herokuApi: HerokuPlatform;

  beforeAll(async () => {
    server = await startScriptedHttp((request, response) => {
      const { status, type = 'application/json', body } = answer(request.method, request.url);
      response.writeHead(status, { 'content-type': type, connection: 'close' });
      response.end(body);
    });
    herokuApi = createHerokuPlatform({ simulatorUrl: server.url });
  });
  afterAll(() => server.close());

  it("maps a gateway's HTML error page to a retryable error with its status and no code", async () => {
    answer = () => ({ status: 502, type: 'text/html', body: '<html><body>Bad Gateway</body></html>' });
    const error = await rejection(herokuApi.findApp('vp-bot-1'));
    expect(error).toMatchObject({
      message: 'heroku: Expected response to be successful, got 502',
      status: 502,
      code: null,
      retryable: true,
    });
  });

  it('keeps the id of a 422 without a message and does not take it for a taken name', async () => {
    answer = () => ({ status: 422, body: JSON.stringify({ id: 'invalid_params' }) });
    const error = await rejection(herokuApi.createAppSetup({ appName: 'VP Bot', sourceTarballUrl: TARBALL }));
    expect(error).toMatchObject({ status: 422, code: 'invalid_params', retryable: false });
  });

  it('fails a success answer whose body is not JSON, without a status', async () => {
    answer = (method, path) =>
      method === 'GET' && path === '/heroku/app-setups/setup-1'
        ? { status: 200, type: 'text/html', body: '<html>maintenance</html>' }
        : { status: 404, body: '{}' };
    const error = await rejection(herokuApi.getAppSetup('setup-1'));
    expect(error).toMatchObject({ status: null, code: null, retryable: true });
  });
});

describe('Heroku platform adapter with an API key', () => {
  let proxy: Awaited<ReturnType<typeof startRefusingProxy>>;
  const saved = { host: process.env.HEROKU_HTTP_PROXY_HOST, port: process.env.HEROKU_HTTP_PROXY_PORT };

  beforeAll(async () => {
    // heroku-client tunnels through this proxy when HEROKU_HTTP_PROXY_HOST is set: it sees where a request goes.
    proxy = await startRefusingProxy();
    process.env.HEROKU_HTTP_PROXY_HOST = '127.0.0.1';
    process.env.HEROKU_HTTP_PROXY_PORT = String(proxy.port);
  });
  afterAll(async () => {
    for (const [name, value] of [
      ['HEROKU_HTTP_PROXY_HOST', saved.host],
      ['HEROKU_HTTP_PROXY_PORT', saved.port],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await proxy.close();
  });

  it('calls api.heroku.com over TLS, and a refused tunnel is a retryable network error', async () => {
    const real = createHerokuPlatform({ apiKey: 'key', simulatorUrl: 'http://sim.invalid', requestTimeoutMs: 5_000 });
    const error = await rejection(real.findApp('vp-bot-real'));
    expect(error).toMatchObject({ status: null, code: 'ECONNRESET', retryable: true });
    expect(proxy.connects).toEqual(['api.heroku.com:443']);
  });
});
