#!/usr/bin/env bash
# Renders processes/*.bpmn to docs/diagrams/<process id>.png (see render.js). Needs Node.js 20+ and
# Debian's Chromium (apt-get install -y chromium); downloads no browser.
#   tools/diagram/render.sh                    all processes
#   tools/diagram/render.sh support-case       one, by file name or path
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ ! -d "$here/node_modules/bpmn-js" || ! -d "$here/node_modules/playwright-core" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
exec node "$here/render.js" "$@"
