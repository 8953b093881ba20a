#!/usr/bin/env bash
# Fetch Mozilla's ical.js from the npm registry into .cache/icaljs/ (not committed).
# The calendar tests run .cache/icaljs/node_modules/ical.js with node.
set -euo pipefail
cd "$(dirname "$0")/../.."
ICALJS_VERSION="${ICALJS_VERSION:-2.2.1}"
target=.cache/icaljs/node_modules/ical.js
if [ -f "$target/package.json" ] && grep -q "\"version\": \"${ICALJS_VERSION}\"" "$target/package.json"; then
    exit 0
fi
mkdir -p .cache/icaljs
npm install --silent --no-save --no-audit --no-fund --prefix .cache/icaljs "ical.js@${ICALJS_VERSION}"
