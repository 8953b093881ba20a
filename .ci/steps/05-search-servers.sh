#!/usr/bin/env bash
# Start the Elasticsearch 8 and OpenSearch 2 nodes in the background now, so that
# their Maven builds and JVM start-ups overlap the database suites; step 42
# collects them (or starts them in the foreground if this failed). The Wagtail
# 7.4 virtualenv of step 50 is built in the background too: its downloads
# overlap the suites as well.
set -euo pipefail
source .ci/lib/search.sh
ensure_java_and_maven
start_in_background "elasticsearch:${ELASTICSEARCH_PORT:-19200}" "opensearch:${OPENSEARCH_PORT:-19201}"
source .ci/lib/venv74.sh
: >"${VENV74_LOG}"
setsid nohup bash -c "source .ci/lib/venv74.sh; prefetch_venv74; echo \"::: venv74 build ended (\$?)\"" \
    </dev/null >>"${VENV74_LOG}" 2>&1 &
echo "::: Wagtail 7.4 virtualenv: building in the background"
