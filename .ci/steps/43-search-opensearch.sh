#!/usr/bin/env bash
# The search suite on a real OpenSearch 2 node (Maven Central jars, see
# ci/search-servers/README.md), with the opensearch2 backend and French analysis.
set -euo pipefail
source .ci/lib/search.sh
ensure_java_and_maven
port="${OPENSEARCH_PORT:-19201}"
url="$(server_url opensearch "${port}")"
trap 'bash ci/search-servers/stop.sh opensearch || true' EXIT
run_search_suite opensearch OPENSEARCH_URL="${url}"
