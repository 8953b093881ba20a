#!/usr/bin/env bash
# Accessibility checks: Debian's Chromium driven by Playwright, axe-core from npm.
# No browser is downloaded by Playwright (`playwright install` is never run).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
command -v npm >/dev/null || apt-get install -y -qq npm >/dev/null
bash tests/a11y/fetch-axe.sh  # cached in .cache/a11y/
bash scripts/run-tests.sh -p no:cacheprovider -m browser tests/a11y
