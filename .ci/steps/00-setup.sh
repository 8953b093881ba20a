#!/usr/bin/env bash
# System packages and the Python environment: PostgreSQL, gettext, Debian's
# Chromium for the accessibility checks (Playwright never downloads a browser),
# npm for axe-core.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql gettext chromium >/dev/null
apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null  # WeasyPrint (certificates)
command -v npm >/dev/null || apt-get install -y -qq npm >/dev/null
bash scripts/run-tests.sh --version >/dev/null  # creates .venv and installs the package
bash tests/a11y/fetch-axe.sh  # axe-core from npm, cached in .cache/a11y/
bash tests/calendars/fetch-icaljs.sh  # Mozilla ical.js from npm, cached in .cache/icaljs/
