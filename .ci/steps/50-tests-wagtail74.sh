#!/usr/bin/env bash
# The whole suite on Wagtail 7.4 LTS (SQLite), in a virtualenv of its own so
# that the main one stays on Wagtail 8.0. The browser checks run too.
set -euo pipefail
python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null 2>&1 || python=python3
if [ ! -x .venv74/bin/python ]; then
    "$python" -m venv .venv74
fi
.venv74/bin/python -m pip install --quiet --upgrade pip
.venv74/bin/python -m pip install --quiet -e ".[testing]" "wagtail>=7.4,<7.5"
echo "::: Wagtail $(.venv74/bin/python -c 'import wagtail; print(wagtail.__version__)') on SQLite"
# The admin journey (tests/admin_browser) drives Wagtail 8's admin UI: it runs once, in step 20.
# The visitor journeys (tests/browser) exercise the package's templates and JavaScript,
# not Wagtail's: step 20 runs them; the accessibility checks (tests/a11y) run here too.
.venv74/bin/python -m pytest -p no:cacheprovider -n auto --dist loadfile --ignore=tests/admin_browser --ignore=tests/browser
