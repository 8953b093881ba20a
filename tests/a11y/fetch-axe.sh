#!/usr/bin/env bash
# Fetch axe-core from the npm registry into .cache/a11y/ (not committed).
# The a11y tests read .cache/a11y/node_modules/axe-core/axe.min.js.
set -euo pipefail
cd "$(dirname "$0")/../.."
AXE_VERSION="${AXE_VERSION:-4.14.1}"
target=.cache/a11y/node_modules/axe-core
if [ -f "$target/axe.min.js" ] && grep -q "\"version\": \"${AXE_VERSION}\"" "$target/package.json"; then
    exit 0
fi
mkdir -p .cache/a11y
npm install --silent --no-save --no-audit --no-fund --prefix .cache/a11y "axe-core@${AXE_VERSION}"
