import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { vitePlugin as remix } from '@remix-run/dev';
import autoprefixer from 'autoprefixer';
import tailwindcss from 'tailwindcss';
import { defineConfig, type ProxyOptions } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';

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
 * started from there too: `remix-serve web/build/server/index.js`.
 */

// Enables single-fetch types for loaders/actions (`useLoaderData<typeof loader>`).
declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

const webRoot = path.dirname(fileURLToPath(import.meta.url));

/** Paths served by the API. The browser only ever talks to the web origin. */
const API_PATH_PREFIXES = ['api', 'docs', 'telephony'] as const;

export default defineConfig(() => {
  // Config-time environment (dev server only; the app reads its own runtime
  // settings in app/lib/env.server.ts).
  const apiUrl = process.env.API_URL || 'http://127.0.0.1:4000';
  const port = Number.parseInt(process.env.WEB_PORT || '3000', 10);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`WEB_PORT must be a TCP port number, got "${process.env.WEB_PORT}"`);
  }

  // Keys starting with "^" are regular expressions matched against the request
  // URL; this matches "/api", "/api/...", "/api?..." but not e.g. "/apiary".
  const proxy: Record<string, ProxyOptions> = Object.fromEntries(
    API_PATH_PREFIXES.map((prefix) => [
      `^/${prefix}(?:[/?]|$)`,
      {
        target: apiUrl,
        // Keep the browser's Host header and add X-Forwarded-* so the API sees
        // the public origin (cookies, absolute URLs, webhook signatures).
        changeOrigin: false,
        xfwd: true,
        // Telephony media streams use WebSockets.
        ws: true,
      } satisfies ProxyOptions,
    ]),
  );

  return {
    publicDir: path.join(webRoot, 'public'),
    server: {
      port,
      strictPort: true,
      proxy,
    },
    css: {
      postcss: {
        plugins: [tailwindcss({ config: path.join(webRoot, 'tailwind.config.ts') }), autoprefixer()],
      },
    },
    plugins: [
      remix({
        appDirectory: path.join(webRoot, 'app'),
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
