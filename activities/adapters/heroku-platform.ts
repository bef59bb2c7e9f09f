import Heroku from 'heroku-client';
import HerokuRequest from 'heroku-client/lib/request';
import { ProviderError, providerCalls } from './provider-error';

const { call, unless404 } = providerCalls(toProviderError);

/** The slice of the Heroku Platform API that runs one app per bot. */
export interface HerokuPlatform {
  createAppSetup(input: {
    appName: string;
    sourceTarballUrl: string;
    region?: string;
    team?: string;
  }): Promise<{ setupId: string; appName: string }>;
  getAppSetup(
    setupId: string,
  ): Promise<{ status: 'pending' | 'succeeded' | 'failed'; failureMessage: string | null; appName: string }>;
  findApp(appName: string): Promise<{ name: string; webUrl: string } | null>;
  /** Merges into the app's config vars; a null value removes the key. */
  setConfigVars(appName: string, vars: Record<string, string | null>): Promise<void>;
  scaleFormation(appName: string, type: string, quantity: number, size?: string): Promise<void>;
  deleteApp(appName: string): Promise<'deleted' | 'absent'>;
  healthUrl(appName: string): string;
}

interface AppSetupBody {
  id: string;
  status: 'pending' | 'succeeded' | 'failed';
  failure_message: string | null;
  app: { id: string; name: string };
}

/**
 * heroku-client with an API key talks to api.heroku.com; without one, to the local simulator (`sim/`), whose
 * Heroku routes live under `/heroku`. The requests are otherwise identical.
 */
export function createHerokuPlatform(config: {
  apiKey?: string;
  simulatorUrl: string;
  team?: string;
  requestTimeoutMs?: number;
}): HerokuPlatform {
  const simulatorUrl = config.simulatorUrl.replace(/\/+$/, '');
  const simulated = !config.apiKey;
  const client = new SingleAttemptHeroku({
    token: config.apiKey ?? 'simulator',
    timeout: config.requestTimeoutMs ?? 30_000,
    ...(simulated ? { host: simulatorUrl } : {}),
  });
  const path = (...segments: string[]) =>
    `${simulated ? '/heroku' : ''}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;

  return {
    async createAppSetup({ appName, sourceTarballUrl, region, team = config.team }) {
      const app = { name: appName, ...(region ? { region } : {}), ...(team ? { organization: team } : {}) };
      const setup = await call(() =>
        client.post<AppSetupBody>(path('app-setups'), { body: { app, source_blob: { url: sourceTarballUrl } } }),
      );
      return { setupId: setup.id, appName: setup.app.name };
    },

    async getAppSetup(setupId) {
      const setup = await call(() => client.get<AppSetupBody>(path('app-setups', setupId)));
      return { status: setup.status, failureMessage: setup.failure_message, appName: setup.app.name };
    },

    async findApp(appName) {
      const app = await unless404(() => client.get<{ name: string; web_url: string }>(path('apps', appName)), null);
      return app && { name: app.name, webUrl: app.web_url };
    },

    async setConfigVars(appName, vars) {
      await call(() => client.patch(path('apps', appName, 'config-vars'), { body: vars }));
    },

    async scaleFormation(appName, type, quantity, size) {
      const body = size ? { quantity, size } : { quantity };
      await call(() => client.patch(path('apps', appName, 'formation', type), { body }));
    },

    async deleteApp(appName) {
      return unless404(() => client.delete(path('apps', appName)).then(() => 'deleted' as const), 'absent' as const);
    },

    healthUrl(appName) {
      // Apps created since 2023 may get a suffixed *.herokuapp.com domain; findApp's webUrl is authoritative.
      return simulated ? `${simulatorUrl}/sim-apps/${appName}/health` : `https://${appName}.herokuapp.com/health`;
    },
  };
}

function toProviderError(error: unknown): ProviderError {
  const { statusCode, body, code, message } = (error ?? {}) as {
    statusCode?: number;
    body?: { id?: string; message?: string };
    code?: string;
    message?: string;
  };
  if (typeof statusCode === 'number') {
    const taken = statusCode === 422 && /already taken/i.test(body?.message ?? '');
    return new ProviderError({
      provider: 'heroku',
      message: body?.message ?? message ?? `HTTP ${statusCode}`,
      status: statusCode,
      code: taken ? 'name_taken' : (body?.id ?? null),
      cause: error,
    });
  }
  const timedOut = /took longer than/.test(message ?? '');
  return new ProviderError({
    provider: 'heroku',
    message: message ?? 'request failed',
    status: null,
    code: timedOut ? 'timeout' : (code ?? null),
    cause: error,
  });
}

/**
 * heroku-client retries network errors on its own for ~15 s, and even after its timeout has already rejected
 * the call it sends the request again in the background (a second POST nobody waits for). Temporal owns
 * retries here, so the first error is final.
 */
class SingleAttemptRequest extends HerokuRequest {
  override handleError(error: Error): void {
    this.reject(error);
  }
}

class SingleAttemptHeroku extends Heroku {
  // Same option merge as Heroku#request, with the request class swapped.
  override request<T>(options: Parameters<Heroku['request']>[0]): Promise<T> {
    const headers = { ...this.options.headers, ...options.headers };
    return new SingleAttemptRequest({ ...this.options, ...options, headers }).request<T>();
  }
}
