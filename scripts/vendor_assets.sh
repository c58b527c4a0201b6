#!/usr/bin/env bash
# Refresh the vendored front-end assets from the npm packages pinned in package-lock.json.
# Only needed when a pin changes; the copied files are committed so `make demo` needs no Node.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
mkdir -p core/static/vendor/htmx
cp node_modules/htmx.org/dist/htmx.min.js node_modules/htmx.org/LICENSE core/static/vendor/htmx/
echo "Vendored htmx.org $(node -p 'require("./node_modules/htmx.org/package.json").version')"
