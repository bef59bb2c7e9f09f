import path from 'node:path';

import { ROOT, startServedProcess, type ServedProcess } from './served-process';

export type WebServer = ServedProcess;

/** The production build under web/server.mjs (what `npm run start:web` runs), talking to `apiUrl`. */
export function startWebServer({ apiUrl, timeoutMs = 30_000 }: { apiUrl: string; timeoutMs?: number }) {
  return startServedProcess({
    name: 'web server',
    args: () => [path.join(ROOT, 'web/server.mjs')],
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      API_URL: apiUrl,
      TEMPORAL_UI_URL: 'http://localhost:8233',
    },
    timeoutMs,
  });
}
