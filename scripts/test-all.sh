#!/usr/bin/env bash
# The one test command (npm test): installs what the tests need, then runs typecheck, lint,
# drizzle-kit check, unit tests, database tests and Playwright in Chromium. Database and
# Playwright tests run on PGlite, and again on PostgreSQL when DATABASE_URL is set (each in a
# scratch database made for this run).
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
scratch_dbs=()
cleanup() {
  for url in "${scratch_dbs[@]}"; do npx tsx scripts/pg-scratch.ts drop "$url" >/dev/null 2>&1 || true; done
  rm -rf "$results"
}
trap cleanup EXIT

step() { echo; echo "━━ $*"; }

step "Installing test dependencies"
bash scripts/install-test-deps.sh || { echo "install failed"; echo "0 passed, 1 failed"; exit 1; }

step "Typecheck"
npx next typegen >/dev/null && npx tsc --noEmit -p .
echo $? > "$results/typecheck.status"

step "Lint"
npm run --silent lint
echo $? > "$results/lint.status"

step "Migrations (drizzle-kit check)"
npx drizzle-kit check
echo $? > "$results/migrations.status"

step "Unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$results/unit.json"

step "Database tests on PGlite"
env -u DATABASE_URL npx vitest run --project db --reporter=default --reporter=json --outputFile="$results/db-pglite.json"

reports=(typecheck="$results/typecheck.status" lint="$results/lint.status" migrations="$results/migrations.status" unit="$results/unit.json" db-pglite="$results/db-pglite.json")

pg_base="${DATABASE_URL:-}"
if [ -n "$pg_base" ]; then
  step "Database tests on PostgreSQL"
  if db_url=$(npx tsx scripts/pg-scratch.ts create db); then
    scratch_dbs+=("$db_url")
    DATABASE_URL="$db_url" npx vitest run --project db --reporter=default --reporter=json --outputFile="$results/db-postgres.json"
  fi
  reports+=(db-postgres="$results/db-postgres.json")
fi

step "Building the app for Playwright"
if env -u DATABASE_URL npx next build >"$results/build.log" 2>&1; then
  step "Playwright (Chromium) on PGlite"
  env -u DATABASE_URL E2E_PGLITE_DIR="$results/e2e-pglite/pglite" PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e-pglite.json" \
    npx playwright test --reporter=list,json
  if [ -n "$pg_base" ]; then
    step "Playwright (Chromium) on PostgreSQL"
    # Two databases: the main e2e server's, and an empty one for the first-run server.
    if e2e_url=$(DATABASE_URL="$pg_base" npx tsx scripts/pg-scratch.ts create e2e) &&
      scratch_dbs+=("$e2e_url") &&
      first_run_url=$(DATABASE_URL="$pg_base" npx tsx scripts/pg-scratch.ts create e2e_first_run); then
      scratch_dbs+=("$first_run_url")
      # The outage project starts its own PostgreSQL and PGlite servers whatever DATABASE_URL
      # says, and E2E_SECOND_PASS leaves out the specs that do not depend on the database
      # (playwright.config.ts): both ran on the pass above.
      DATABASE_URL="$e2e_url" E2E_FIRST_RUN_DATABASE_URL="$first_run_url" E2E_SECOND_PASS=1 \
        PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e-postgres.json" npx playwright test --reporter=list,json \
        --project=sign-in --project=empty-database --project=chromium --project=first-run --project=first-run-api-keys --project=client-address
    fi
  fi
else
  cat "$results/build.log"
  echo "next build failed"
fi
reports+=(e2e-pglite="$results/e2e-pglite.json")
[ -n "$pg_base" ] && reports+=(e2e-postgres="$results/e2e-postgres.json")

step "Summary"
node scripts/count-results.mjs "${reports[@]}"
