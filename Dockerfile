# syntax=docker/dockerfile:1
#
# The production image of every VoicePlane process, in two stages: `build` installs everything and builds the web
# app; `runtime` holds the production dependencies only (`npm ci --omit=dev`), the source and the built web app,
# and runs `node` directly as the unprivileged `node` user. The TypeScript entry points run through tsx, a
# production dependency (a loader, no build step: the code that runs is the code that was tested).
#
#   API (default):  node --import tsx api/server.ts
#   worker:         node --import tsx temporal/worker-main.ts
#   web:            node web/server.mjs
#   migrations:     node --import tsx scripts/db-migrate.ts   (then scripts/db-seed.ts)
#
# HEALTHCHECK asks the API's liveness route (GET /api/health/live, no dependencies) on API_PORT (4000). For
# another process set HEALTHCHECK_URL (the web server: http://127.0.0.1:3000/login) or disable the check (worker).

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
WORKDIR /app
RUN chown node:node /app
USER node
# Dev dependencies are needed here only: React Router/Vite/Tailwind build the web app.
COPY --chown=node:node package.json package-lock.json ./
RUN --mount=type=cache,target=/home/node/.npm,uid=1000,gid=1000 npm ci
COPY --chown=node:node . .
RUN npm run web:build

FROM ${NODE_IMAGE} AS runtime
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false \
    NODE_ENV=production
WORKDIR /app
RUN chown node:node /app
USER node
COPY --chown=node:node package.json package-lock.json ./
RUN --mount=type=cache,target=/home/node/.npm,uid=1000,gid=1000 npm ci --omit=dev
COPY --chown=node:node . .
COPY --from=build --chown=node:node /app/web/build ./web/build

EXPOSE 3000 4000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(process.env.HEALTHCHECK_URL || `http://127.0.0.1:${process.env.API_PORT || 4000}/api/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "api/server.ts"]
