import type { Config } from '@react-router/dev/config';

/**
 * React Router framework-mode config. The CLI finds it beside `--config web/vite.config.ts` (its project root is
 * that file's folder), so the defaults already give what web/server.mjs, ops/heroku-web.ts, the Dockerfile and the
 * browser tests expect; they are spelled out to keep them from moving.
 */
export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  serverBuildFile: 'index.js',
  serverModuleFormat: 'esm',
  ssr: true,
  // React Router v8's behaviours stay off (explicitly, which also quiets the build's warnings): the move from
  // Remix v2 keeps what the app does. Each is its own later change.
  future: {
    v8_middleware: false,
    v8_splitRouteModules: false,
    v8_viteEnvironmentApi: false,
    v8_passThroughRequests: false,
    v8_trailingSlashAwareDataRequests: false,
  },
} satisfies Config;
