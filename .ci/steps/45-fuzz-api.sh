#!/usr/bin/env bash
# Property-based fuzzing of the typed API with schemathesis, against the
# example site served by gunicorn on PostgreSQL (.ci/lib/demo-server.sh): every
# operation of the OpenAPI document gets its examples, the boundary values of
# its parameters and FUZZ_MAX_EXAMPLES (25) generated cases; any 5xx, or any
# status, content type or body the document does not describe, fails the step.
# ci/load/fuzz_config.py points the registration POSTs and /events/by-path at
# real demo objects so their validation is reached.
# One schemathesis worker: on Python 3.11 concurrent ast.parse calls in
# Hypothesis' lambda descriptions raise "AST constructor recursion depth
# mismatch" (a CPython race), which schemathesis reports as errors.
# The server stays up for step 47 (load), which stops it.
set -euo pipefail
source .ci/lib/demo-server.sh
start_demo_server
work="${DEMO_DIR}/schemathesis"
mkdir -p "${work}"
"${DEMO_PYTHON}" ci/load/fuzz_config.py "${DEMO_URL}" > "${work}/schemathesis.toml"
started=$(date +%s)
status=0
"${DEMO_PYTHON%/python}/schemathesis" --config-file "${work}/schemathesis.toml" \
    run "${DEMO_URL}/api/rencontres/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing \
    --max-examples "${FUZZ_MAX_EXAMPLES:-25}" \
    --workers 1 \
    --request-timeout 30 \
    --suppress-health-check too_slow \
    --report junit --report-dir "${work}" \
    --output-truncate true || status=$?
echo "Fuzzing took $(( $(date +%s) - started ))s (server log: ${DEMO_DIR}/gunicorn.log)"
if grep -q "Traceback" "${DEMO_DIR}/gunicorn.log"; then
    echo "The server logged errors:"
    grep -B2 -A30 "Traceback" "${DEMO_DIR}/gunicorn.log" | head -n 200
    status=1
fi
exit "${status}"
