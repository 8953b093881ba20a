#!/usr/bin/env bash
# Start the Elasticsearch 8 and OpenSearch 2 nodes in the background now, so that
# their Maven builds and JVM start-ups overlap the database suites; steps 42 and
# 43 collect them (or start them in the foreground if this failed).
set -euo pipefail
source .ci/lib/search.sh
ensure_java_and_maven
start_in_background "elasticsearch:${ELASTICSEARCH_PORT:-19200}" "opensearch:${OPENSEARCH_PORT:-19201}"
