#!/usr/bin/env bash
# Set up everything and serve the example site with demo content on SQLite:
#   bash scripts/run-example-site.sh
# Then open http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/, admin / admin).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/venv.sh
ensure_venv
host="${HOST:-127.0.0.1}"
port="${PORT:-8000}"
# Absolute links (mails, ICS, API, admin notifications) must lead to where the site is served.
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://$host:$port}"
.venv/bin/python example_site/manage.py migrate --no-input
.venv/bin/python example_site/manage.py load_demo --admin --hostname "$host" --port "$port"
exec .venv/bin/python example_site/manage.py runserver "$host:$port"
