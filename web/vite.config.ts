import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { vitePlugin as remix } from '@remix-run/dev';
import autoprefixer from 'autoprefixer';
import tailwindcss from 'tailwindcss';
import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';

import { devApiProxy } from './dev-api-proxy';

/**
 * Vite + Remix config for the VoicePlane web UI.
 *
 * Run from the repository root:
 *   remix vite:dev   --config web/vite.config.ts
 *   remix vite:build --config web/vite.config.ts
 *
 * `remix vite:build` forces Vite's `root` to REMIX_ROOT or the current working
 * directory (a `root` set here would be ignored), so none is set and every
 * path below is absolute, anchored at this file. With the commands above the
 * Vite/Remix root is the repository root, and the server build expects to be
 * started from there too: `node web/server.mjs` (`npm run start:web`).
 */

// Enables single-fetch types for loaders/actions (`useLoaderData<typeof loader>`).
declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

const webRoot = path.dirname(fileURLToPath(import.meta.url));

/** What the browser imports from node_modules: the Remix client entry's needs and the routes'. */
const BROWSER_DEPENDENCIES = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  '@remix-run/react',
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
    // Where Vite keeps its pre-bundled dependencies (default node_modules/.vite); a test sets a fresh one.
    cacheDir: process.env.VITE_CACHE_DIR || undefined,
    publicDir: path.join(webRoot, 'public'),
    server: {
      port,
      strictPort: true,
      proxy: devApiProxy(apiUrl),
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
    plugins: [
      remix({
        appDirectory,
        buildDirectory: path.join(webRoot, 'build'),
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          // v3_routeConfig stays OFF: it requires app/routes.ts built with
          // @remix-run/route-config + @remix-run/fs-routes, which are not
          // dependencies of this project. File-system routes in app/routes/
          // (the default convention) are used instead.
          v3_routeConfig: false,
        },
      }),
      tsconfigPaths({ root: webRoot }),
    ],
  };
});
