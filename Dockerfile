# syntax=docker/dockerfile:1
# Meterline's portal in a container, after the official Next.js example's layout (deps → builder →
# runner, a non-root user, only what the server needs in the last stage). Not `output: standalone`:
# the portal runs its own server.mjs (the client address it vouches for, the server-action guard,
# request logs, a clean stop), which standalone's generated server.js would replace.
#   docker build -t meterline .
#   docker run -p 3000:3000 -v meterline-data:/app/.data meterline                          (PGlite)
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e BETTER_AUTH_SECRET=… meterline   (PostgreSQL)

FROM node:20-bookworm-slim AS base
WORKDIR /app

FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM base AS builder
COPY --from=deps /app/node_modules ./node_modules
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# Prerendering opens a database: a throwaway one, never the image's.
RUN PGLITE_DIR=memory:// BETTER_AUTH_SECRET=build-time-secret-not-used-at-run-time npx next build
RUN npm prune --omit=dev --no-audit --no-fund

FROM base AS runner
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
RUN groupadd --system --gid 1001 nodejs && useradd --system --uid 1001 --gid nodejs meterline \
  && mkdir .data && chown meterline:nodejs .data
COPY --from=builder --chown=meterline:nodejs /app/node_modules ./node_modules
COPY --from=builder --chown=meterline:nodejs /app/.next ./.next
COPY --from=builder /app/public ./public
COPY --from=builder /app/package.json /app/next.config.js /app/server.mjs ./
COPY --from=builder /app/lib/http/request-log.mjs /app/lib/http/server-action-guard.mjs ./lib/http/
COPY --from=builder /app/db/migrations ./db/migrations
USER meterline
VOLUME /app/.data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The first admin is made in the browser at /setup. SIGTERM stops it cleanly (docker stop's 10 s:
# give `--stop-timeout 30` to wait out SHUTDOWN_TIMEOUT_MS).
CMD ["node", "server.mjs", "-p", "3000"]
