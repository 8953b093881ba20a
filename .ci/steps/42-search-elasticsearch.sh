#!/usr/bin/env bash
# The search suite on a real Elasticsearch 8 node (Maven Central jars, see
# ci/search-servers/README.md), with the elasticsearch8 backend and French analysis.
set -euo pipefail
source .ci/lib/search.sh
ensure_java_and_maven
port="${ELASTICSEARCH_PORT:-19200}"
url="$(server_url elasticsearch "${port}")"
trap 'bash ci/search-servers/stop.sh elasticsearch || true' EXIT
run_search_suite elasticsearch ELASTICSEARCH_URL="${url}"
