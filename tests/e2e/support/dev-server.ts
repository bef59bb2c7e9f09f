import path from 'node:path';

import { ROOT, startServedProcess, type ServedProcess } from './served-process';

export type DevServer = ServedProcess;

/**
 * `react-router dev` as `npm run web:dev` starts it, on a free port, with Vite's dependency cache in `cacheDir`
 * (an empty directory gives a first start on a fresh checkout).
 */
export function startDevServer({
  apiUrl,
  cacheDir,
  timeoutMs = 60_000,
}: {
  apiUrl: string;
  cacheDir: string;
  timeoutMs?: number;
}): Promise<DevServer> {
  const cli = path.join(ROOT, 'node_modules/@react-router/dev/bin.js');
  return startServedProcess({
    name: 'react-router dev',
    args: (port) => [cli, 'dev', '--config', 'web/vite.config.ts', '--host', '127.0.0.1', '--port', String(port)],
    env: { NODE_ENV: 'development', API_URL: apiUrl, VITE_CACHE_DIR: cacheDir },
    timeoutMs,
  });
}
