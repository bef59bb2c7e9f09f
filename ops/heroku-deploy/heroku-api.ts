import Heroku from 'heroku-client';

export interface HerokuApp {
  name: string;
  web_url: string;
}
interface AddOn {
  name: string;
  addon_service: { name: string };
}
interface Source {
  source_blob: { get_url: string; put_url: string };
}
export interface Build {
  id: string;
  status: 'pending' | 'succeeded' | 'failed';
  release: { id: string } | null;
}
export interface Release {
  id: string;
  version: number;
  status: 'pending' | 'succeeded' | 'failed' | 'expired';
}

/** The slice of the Heroku Platform API a deploy needs (https://devcenter.heroku.com/articles/platform-api-reference). */
export function herokuApi(options: { token: string; host?: string }) {
  const client = new Heroku({ token: options.token, timeout: 60_000, ...(options.host ? { host: options.host } : {}) });
  const app = (name: string, ...rest: string[]) => ['/apps', name, ...rest].map(encodeSegment).join('/');
  return {
    async findApp(name: string): Promise<HerokuApp | null> {
      try {
        return await client.get<HerokuApp>(app(name));
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return null;
        throw error;
      }
    },
    createApp: (input: { name: string; region: string; team?: string }) =>
      input.team
        ? client.post<HerokuApp>('/teams/apps', {
            body: { name: input.name, region: input.region, team: input.team, stack: 'heroku-24' },
          })
        : client.post<HerokuApp>('/apps', { body: { name: input.name, region: input.region, stack: 'heroku-24' } }),
    listAddOns: (name: string) => client.get<AddOn[]>(app(name, 'addons')),
    createAddOn: (name: string, plan: string) => client.post<AddOn>(app(name, 'addons'), { body: { plan } }),
    configVarNames: async (name: string) =>
      Object.keys(await client.get<Record<string, string>>(app(name, 'config-vars'))),
    setConfigVars: (name: string, vars: Record<string, string>) =>
      client.patch<Record<string, string>>(app(name, 'config-vars'), { body: vars }),
    createSource: () => client.post<Source>('/sources'),
    createBuild: (name: string, source: { url: string; version: string }) =>
      client.post<Build>(app(name, 'builds'), { body: { source_blob: source } }),
    getBuild: (name: string, id: string) => client.get<Build>(app(name, 'builds', id)),
    getRelease: (name: string, id: string) => client.get<Release>(app(name, 'releases', id)),
    scale: (name: string, updates: { type: string; quantity: number; size: string }[]) =>
      client.patch<unknown>(app(name, 'formation'), { body: { updates } }),
  };
}

export type HerokuApi = ReturnType<typeof herokuApi>;

const encodeSegment = (segment: string) => (segment.startsWith('/') ? segment : encodeURIComponent(segment));
