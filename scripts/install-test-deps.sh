#!/usr/bin/env bash
# Installs what the tests need: the npm packages (from the lockfile) and Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm ci refuses lockfiles made on a registry mirror without other platforms' binaries;
# npm install with the committed lockfile installs the locked versions.
npm install --no-audit --no-fund --loglevel=error

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Installing Debian's Chromium (Playwright never downloads its own browser here)…"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
