#!/usr/bin/env bash
# The search suite on a real Elasticsearch 8 node and on a real OpenSearch 2
# node (Maven Central jars, see ci/search-servers/README.md), with French
# analysis. The two suites run side by side, each against its own server and
# its own SQLite test database: they mostly wait for the servers, so together
# they take little more than one. Each one's output is printed whole, with its
# pytest summary, once both have finished.
set -euo pipefail
source .ci/lib/search.sh
ensure_java_and_maven
es_url="$(server_url elasticsearch "${ELASTICSEARCH_PORT:-19200}")"
os_url="$(server_url opensearch "${OPENSEARCH_PORT:-19201}")"
trap 'bash ci/search-servers/stop.sh elasticsearch || true; bash ci/search-servers/stop.sh opensearch || true' EXIT
logs=$(mktemp -d)
run_search_suite elasticsearch ELASTICSEARCH_URL="${es_url}" >"${logs}/elasticsearch.log" 2>&1 &
es_pid=$!
run_search_suite opensearch OPENSEARCH_URL="${os_url}" >"${logs}/opensearch.log" 2>&1 &
os_pid=$!
status=0
wait "${es_pid}" || status=1
wait "${os_pid}" || status=1
cat "${logs}/elasticsearch.log" "${logs}/opensearch.log"
rm -rf "${logs}"
exit "${status}"
