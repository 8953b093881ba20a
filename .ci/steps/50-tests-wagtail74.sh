#!/usr/bin/env bash
# The suite on Wagtail 7.4 LTS (SQLite), in a virtualenv of its own (.venv74,
# built in the background since step 05) so that the main one stays on 8.0.
set -euo pipefail
source .ci/lib/venv74.sh
wait_for_venv74_build
ensure_venv74
echo "::: Wagtail $(.venv74/bin/python -c 'import wagtail; print(wagtail.__version__)') on SQLite"
# What does not depend on Wagtail's version runs once, in steps 20 and 30:
# - the admin journey (tests/admin_browser) drives Wagtail 8's admin UI;
# - the visitor journeys (tests/browser) exercise the package's templates and JavaScript;
# - the query-parameter fuzzing, the benchmark generator, the calendar clients
#   (icalendar, ical.js), the headless demo's types, the demo loader, the
#   tutorial's URLs and the production settings.
# The accessibility checks (tests/a11y), with the Wagtail admin pages, run here too.
.venv74/bin/python -m pytest -p no:cacheprovider -n auto --dist loadfile \
    --ignore=tests/admin_browser --ignore=tests/browser \
    --ignore=tests/fuzz --ignore=tests/benchmarks --ignore=tests/calendars \
    --ignore=tests/headless --ignore=tests/test_demo.py --ignore=tests/test_docs_urls.py \
    --ignore=tests/test_deploy.py
