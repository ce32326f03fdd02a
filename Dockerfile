# syntax=docker/dockerfile:1
# RentOrOwn in a container: Next.js standalone server, non-root, Debian's Chromium for PDF reports.
#   docker build -t rentorown .          # the app (target "runner", the default)
#   docker build --target migrate .      # the one-shot migration job (compose.yaml runs it first)
# Node 20 as in engines/CI (pg-boss 10 and the lockfile are tested on it).
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: every dependency, installed from the lockfile (postinstall runs prisma generate) ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
# `npm ci` rejects this lockfile (non-Linux optional binaries were never recorded); install keeps to it.
RUN npm install --no-audit --no-fund

# ---- build: next build with the standalone output (server.js + the traced node_modules only) ----
FROM deps AS build
COPY . .
RUN NEXT_OUTPUT=standalone npx next build

# ---- migrate: applies prisma/migrations (WASM schema-engine stand-in, scripts/schema-engine*.mjs) ----
FROM deps AS migrate
COPY scripts ./scripts
USER node
CMD ["npx", "prisma", "migrate", "deploy"]

# ---- runner: what production runs ----
FROM ${NODE_IMAGE} AS runner
WORKDIR /app
# Chromium renders the PDF reports (lib/chromium.mjs looks for /usr/bin/chromium); fonts so text has glyphs.
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-liberation fonts-noto-core ca-certificates \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# The PDF worker is forked from scripts/ at run time (not traced into the standalone output).
COPY --from=build --chown=node:node /app/scripts/pdf-worker.mjs ./scripts/pdf-worker.mjs
COPY --from=build --chown=node:node /app/lib/chromium.mjs ./lib/chromium.mjs
COPY --from=build --chown=node:node /app/node_modules/playwright-core ./node_modules/playwright-core
USER node
EXPOSE 3000
# Readiness (PostgreSQL and Redis answer within 2 s) marks the container healthy; /api/health is the
# liveness probe for orchestrators that restart on it (it touches no dependency).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
