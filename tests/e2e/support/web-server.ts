import path from 'node:path';

import { ROOT, startServedProcess, type ServedProcess } from './served-process';

export type WebServer = ServedProcess;

/** The production build under web/server.mjs (what `npm run start:web` runs), talking to `apiUrl`. */
export function startWebServer({
  apiUrl,
  timeoutMs = 30_000,
  env = {},
}: {
  apiUrl: string;
  timeoutMs?: number;
  /** More settings of the web process, e.g. WEB_TRUST_PROXY_HOPS. */
  env?: Record<string, string>;
}) {
  return startServedProcess({
    name: 'web server',
    args: () => [path.join(ROOT, 'web/server.mjs')],
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      API_URL: apiUrl,
      TEMPORAL_UI_URL: 'http://localhost:8233',
      ...env,
    },
    timeoutMs,
  });
}
