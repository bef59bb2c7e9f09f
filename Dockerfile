# syntax=docker/dockerfile:1
#
# One image for every VoicePlane process; docker-compose.yml picks the command:
#   npm run start:api | npm run start:worker | npm run start:web
#   npm run db:migrate && npm run db:seed   (one-shot `migrate` service)

FROM node:24-bookworm-slim

ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first so this layer is cached until the lockfile changes.
# Dev dependencies are needed for the web build (Remix/Vite/Tailwind).
COPY --chown=node:node package.json package-lock.json ./
RUN --mount=type=cache,target=/home/node/.npm,uid=1000,gid=1000 npm ci

COPY --chown=node:node . .
RUN npm run web:build

ENV NODE_ENV=production
EXPOSE 3000 4000
CMD ["npm", "run", "start:api"]
