import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { reactRouter } from '@react-router/dev/vite';
import autoprefixer from 'autoprefixer';
import tailwindcss from 'tailwindcss';
import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';

import { devApiProxy } from './dev-api-proxy';

/**
 * Vite + React Router (framework mode) config for the VoicePlane web UI.
 *
 * Run from the repository root:
 *   react-router dev   --config web/vite.config.ts
 *   react-router build --config web/vite.config.ts
 *
 * The React Router CLI takes this file's folder (web/) as its project root and Vite root: it reads
 * web/react-router.config.ts (app directory web/app, build output web/build/{client,server}) and the routes
 * from web/app/routes.ts. Everything the app reads outside web/ (../contracts, the repository's node_modules)
 * and the repository-root .env stay reachable through `server.fs.allow`, `envDir` and `cacheDir` below. The
 * server build is started with `node web/server.mjs` (`npm run start:web`).
 */

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(webRoot);

/** What the browser imports from node_modules: the React Router client entry's needs and the routes'. */
const BROWSER_DEPENDENCIES = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-router',
  'react-router/dom',
  'recharts',
];

export default defineConfig(() => {
  // Config-time environment (dev server only; the app reads its own runtime
  // settings in app/lib/env.server.ts).
  const apiUrl = process.env.API_URL || 'http://127.0.0.1:4000';
  const port = Number.parseInt(process.env.WEB_PORT || '3000', 10);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`WEB_PORT must be a TCP port number, got "${process.env.WEB_PORT}"`);
  }
  const appDirectory = path.join(webRoot, 'app');

  return {
    // Where Vite keeps its pre-bundled dependencies (the repository's node_modules/.vite); a test sets a fresh one.
    cacheDir: process.env.VITE_CACHE_DIR || path.join(repoRoot, 'node_modules/.vite'),
    // The repository-root .env, as before the Vite root moved to web/ (React Router loads it for the server too).
    envDir: repoRoot,
    publicDir: path.join(webRoot, 'public'),
    server: {
      port,
      strictPort: true,
      proxy: devApiProxy(apiUrl),
      // The Vite root is web/; the app also imports ../contracts and the repository's node_modules.
      fs: { allow: [repoRoot] },
    },
    // Pre-bundle every browser dependency when the dev server starts. Otherwise Vite meets some (recharts) only
    // when a page first imports them, bundles again and reloads that page; modules loaded before and after the
    // reload hold different copies of React ("Invalid hook call").
    optimizeDeps: {
      entries: [path.join(appDirectory, 'root.tsx'), path.join(appDirectory, 'routes/**/*.{ts,tsx}')],
      include: BROWSER_DEPENDENCIES,
    },
    resolve: {
      dedupe: ['react', 'react-dom'],
    },
    css: {
      postcss: {
        plugins: [tailwindcss({ config: path.join(webRoot, 'tailwind.config.ts') }), autoprefixer()],
      },
    },
    plugins: [reactRouter(), tsconfigPaths({ root: webRoot })],
  };
});
