#!/usr/bin/env bash
# Set up everything and serve the example site with demo content on SQLite:
#   bash scripts/run-example-site.sh
# Then open http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/, admin / admin).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[testing]"
.venv/bin/python example_site/manage.py compilemessages --ignore=.venv >/dev/null 2>&1 || true
.venv/bin/python example_site/manage.py migrate --no-input
.venv/bin/python example_site/manage.py load_demo --admin
exec .venv/bin/python example_site/manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
