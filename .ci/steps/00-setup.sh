#!/usr/bin/env bash
# System packages and the Python environment.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql gettext >/dev/null
bash scripts/run-tests.sh --version >/dev/null  # creates .venv and installs the package
