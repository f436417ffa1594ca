#!/usr/bin/env bash
# npm run serve: installs, builds and serves the portal at http://localhost:${PORT:-3000}.
# Without DATABASE_URL it runs on embedded PGlite in ${PGLITE_DIR:-.data/pglite}, with demo
# customers added the first time; with DATABASE_URL it uses that PostgreSQL (no demo data
# unless SEED_DEMO=1).
set -euo pipefail
cd "$(dirname "$0")/.."

npm install --no-audit --no-fund --loglevel=error
npx next build
npm run --silent db:migrate
if [ -z "${DATABASE_URL:-}" ] || [ "${SEED_DEMO:-}" = "1" ]; then
  npm run --silent db:seed
fi
exec node server.mjs -p "${PORT:-3000}"
