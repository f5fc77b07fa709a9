# Wijkweb in production: the same steps as tests/operations/production.test.ts runs from a clean clone.
# 1. build: full install, `npm run build` (web app with .br/.gz, server compiled to dist/)
# 2. deps:  runtime dependencies only, `npm ci --omit=dev`
# 3. run:   dist/ + those node_modules, as the unprivileged user `node`, `node dist/server/main.js`
# Embedded database (PGlite) in the /data volume unless DATABASE_URL is set (see compose.yaml).
# Production refuses to start without SMTP_URL and APP_URL: give them with `docker run -e`
# (README, "In productie") or use compose.yaml. Commands (first admin, imports) run with
# `docker exec <container> node dist/scripts/wijkweb.js <command>`, beside the server.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --prefer-offline --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness; a load balancer should route on /api/health/ready (schema migrated) instead.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node runs as PID 1 and gets `docker stop`'s SIGTERM itself (no npm in between to swallow
# it), finishing in-flight requests within SHUTDOWN_GRACE_S.
CMD ["node", "dist/server/main.js"]
