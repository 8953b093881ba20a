"""The OpenAPI document is the contract: every answer is one it declares.

The routes, their parameters and their declared responses are read from the
generated document, so a route or a parameter added later is checked without
editing this file. For each operation, requests that are valid, malformed,
out of range, unknown or aimed at nothing must answer a status the operation
declares, with a body that validates against the schema declared for it.
"""

import json
import re

import pytest
from django.test.utils import override_settings

import wagtail_rencontres.api
from tests.registration.conftest import person
from tests.sites import site_text

PREFIX = "/api/rencontres"
pytestmark = pytest.mark.urls("tests.api.urls")

#: Values a fuzzer tries in any query parameter: too long, NUL bytes, negative,
#: huge, extreme dates, lists of garbage.
BAD_VALUES = (
    "x" * 5000,
    "a\x00b",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "0001-01-01",
    "9999-12-31T23:59:59+14:00",
    "2024-13-45",
    "abc,,def,",
    "",
)
HUGE_ID = "99999999999999999999999"


def document():
    """The OpenAPI document as clients read it (JSON: statuses are strings)."""
    schema = wagtail_rencontres.api.api.get_openapi_schema(path_prefix=PREFIX)
    return json.loads(json.dumps(schema))


def operations():
    """``(method, path, operation)`` of every documented operation."""
    return [
        (method, path, operation)
        for path, methods in document()["paths"].items()
        for method, operation in methods.items()
    ]


def response_models():
    """Declared response models by ``operationId`` and status, from ninja's operations."""
    api = wagtail_rencontres.api.api
    models = {}
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                operation_id = operation.operation_id or api.get_openapi_operation_id(operation)
                models[operation_id] = operation.response_models
    return models


def fill(path, values):
    return re.sub(r"{(\w+)}", lambda match: str(values[match.group(1)]), path)


def required_query(operation, ids):
    query = {}
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "query" and parameter.get("required"):
            query[parameter["name"]] = ids.get(parameter["name"], "quartiers")
    return query


def requests_for(method, path, operation, ids):
    """``(url, query, body)`` of each request tried on an operation."""
    url = path
    valid_url = fill(url, ids)
    required = required_query(operation, ids)
    body = person(1) if method == "post" else None
    yield valid_url, required, body
    yield valid_url, {**required, "colour": "red"}, body
    if "{" in path:
        yield fill(url, dict.fromkeys(ids, HUGE_ID)), required, body
        yield fill(url, dict.fromkeys(ids, 2**62)), required, body
        yield fill(url, dict.fromkeys(ids, "abc")), required, body
    for parameter in operation.get("parameters", []):
        if parameter["in"] != "query":
            continue
        for value in BAD_VALUES:
            yield valid_url, {**required, parameter["name"]: value}, body
    if method == "post":
        for bad_body in ("{bad json", "[]", {"first_name": 42}, {**person(2), "audience": 10**30}):
            yield valid_url, {}, bad_body


def send(client, method, url, query, body):
    if method == "get":
        return client.get(url, query)
    if query:
        url = f"{url}?{'&'.join(f'{k}={v}' for k, v in query.items())}"
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(url, data=data, content_type="application/json")


@override_settings(WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT=10_000)
def test_every_answer_is_declared_and_matches_its_schema(client, ids):
    models = response_models()
    checked = 0
    for method, path, operation in operations():
        declared = {int(status) for status in operation["responses"]}
        for url, query, body in requests_for(method, path, operation, ids):
            response = send(client, method, url, query, body)
            where = f"{method.upper()} {url} {query!r} {body!r:.80}"
            assert response.status_code in declared, (where, response.status_code)
            model = models[operation["operationId"]][response.status_code]
            model.model_validate({"response": json.loads(response.content)})
            checked += 1
    assert checked > 500  # a guard on the test itself


def test_unknown_parameters_are_400_on_every_route(client, ids):
    for method, path, operation in operations():
        url = fill(path, ids)
        query = {**required_query(operation, ids), "colour": "red"}
        response = send(client, method, url, query, person(1))
        assert (response.status_code, response.json()) == (
            400,
            {"colour": [site_text("Paramètre inconnu.")]},
        ), (method, path)


def test_list_routes_declare_their_limits_and_errors():
    paths = document()["paths"]
    lists = [
        path for path, methods in paths.items() if {"count", "results"} <= set(_properties(methods))
    ]
    assert len(lists) >= 9
    for path in lists:
        operation = paths[path]["get"]
        parameters = {p["name"]: p for p in operation["parameters"]}
        limit = parameters["limit"]["schema"]
        assert limit["minimum"] == 1, path
        assert limit["maximum"] <= 100, path
        assert parameters["offset"]["schema"]["minimum"] == 0, path
        assert {"200", "400"} <= set(operation["responses"]), path
    events = {p["name"]: p for p in paths[f"{PREFIX}/events"]["get"]["parameters"]}
    assert events["limit"]["schema"] | {"default": 20, "maximum": 100} == events["limit"]["schema"]
    assert events["status"]["schema"]["items"]["enum"] == [
        "scheduled",
        "rescheduled",
        "postponed",
        "moved_online",
        "full",
        "cancelled",
    ]


def test_required_parameters_and_errors_are_declared():
    paths = document()["paths"]
    by_path = {p["name"]: p for p in paths[f"{PREFIX}/events/by-path"]["get"]["parameters"]}
    assert by_path["path"]["required"] is True
    search = {p["name"]: p for p in paths[f"{PREFIX}/search"]["get"]["parameters"]}
    assert search["q"]["required"] is True
    assert search["q"]["schema"]["maxLength"] == 200
    assert (
        search["year"]["schema"]["items"]["minimum"],
        search["year"]["schema"]["items"]["maximum"],
    ) == (1900, 2999)
    assert set(paths[f"{PREFIX}/search"]["get"]["responses"]) == {"200", "400", "503"}
    for path, methods in paths.items():
        for method, operation in methods.items():
            if "{" in path:
                assert "404" in operation["responses"], (method, path)
    post = paths[f"{PREFIX}/events/{{event_id}}/registrations"]["post"]
    assert {"201", "202", "409", "422", "429"} <= set(post["responses"])
    assert post["requestBody"]["required"] is True


@override_settings(WAGTAILRENCONTRES_API_MAX_LIMIT=30)
def test_the_declared_maximum_follows_the_setting_when_the_api_is_built():
    api = wagtail_rencontres.api.build_api(urls_namespace="limit_tests")
    paths = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/x")))["paths"]
    limit = {p["name"]: p for p in paths["/x/events"]["get"]["parameters"]}["limit"]
    assert limit["schema"]["maximum"] == 30


def _properties(methods):
    get = methods.get("get", {})
    schema = get.get("responses", {}).get("200", {}).get("content", {})
    ref = schema.get("application/json", {}).get("schema", {}).get("$ref", "")
    component = document()["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {})
    return component.get("properties", {})
