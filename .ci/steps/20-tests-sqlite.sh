#!/usr/bin/env bash
# The README's test command, on SQLite. The search suite runs per backend in
# steps 40-43, each with its own summary line.
set -euo pipefail
bash scripts/run-tests.sh -p no:cacheprovider --ignore=tests/search
