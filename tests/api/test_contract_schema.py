"""Every limit the API enforces on its inputs is in its OpenAPI document.

The test walks every parameter and request body of the document, so an input
added later without its limits fails here.
"""

import json

import wagtail_rencontres.api
from wagtail_rencontres.api.params import MAX_ID

PREFIX = "/api/rencontres"
#: Strings whose format bounds them: a date or a date and time.
BOUNDED_FORMATS = {"date", "date-time"}


def document():
    schema = wagtail_rencontres.api.api.get_openapi_schema(path_prefix=PREFIX)
    return json.loads(json.dumps(schema))


def unbounded(schema, components, where):
    """``where`` of each string, integer or array in ``schema`` without its limits."""
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            yield from unbounded(option, components, where)
    kind = schema.get("type")
    formats = {schema.get("format")} | {o.get("format") for o in schema.get("anyOf", [])}
    bounded = {"enum", "const", "maxLength"} & set(schema) or formats & BOUNDED_FORMATS
    if kind == "string" and not bounded:
        yield f"{where}: string without maxLength"
    if kind == "integer" and not {"minimum", "maximum"} <= set(schema):
        yield f"{where}: integer without minimum and maximum"
    if kind == "array":
        if "maxItems" not in schema:
            yield f"{where}: array without maxItems"
        yield from unbounded(schema.get("items", {}), components, f"{where}[]")
    for name, item in schema.get("properties", {}).items():
        yield from unbounded(item, components, f"{where}.{name}")


def inputs(doc):
    """``(where, schema)`` of every parameter and request body."""
    for path, methods in doc["paths"].items():
        for method, operation in methods.items():
            for parameter in operation.get("parameters", []):
                where = f"{method} {path} {parameter['in']} {parameter['name']}"
                yield where, parameter["schema"]
            for media, content in operation.get("requestBody", {}).get("content", {}).items():
                yield f"{method} {path} body {media}", content["schema"]


def test_every_input_declares_its_limits():
    doc = document()
    components = doc["components"]["schemas"]
    walked = list(inputs(doc))
    assert len(walked) > 60  # a guard on the walk itself
    missing = [
        problem for where, schema in walked for problem in unbounded(schema, components, where)
    ]
    assert missing == []


def parameters(operation):
    return {p["name"]: p for p in operation.get("parameters", [])}


def test_ids_in_paths_are_bounded_like_the_databases():
    for path, methods in document()["paths"].items():
        for operation in methods.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path":
                    schema = parameter["schema"]
                    assert (schema["minimum"], schema["maximum"]) == (1, MAX_ID), path


def test_registration_posts_declare_their_body_limits_and_statuses():
    doc = document()
    components = doc["components"]["schemas"]
    for route in ("events/{event_id}", "cycles/{cycle_id}"):
        post = doc["paths"][f"{PREFIX}/{route}/registrations"]["post"]
        assert {"201", "202", "404", "409", "415", "422", "429", "503"} <= set(post["responses"])
        assert list(post["requestBody"]["content"]) == ["application/json"]
        ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        body = components[ref.rsplit("/", 1)[-1]]
        fields = body["properties"]
        assert fields["email"]["format"] == "email"
        assert {name: fields[name]["maxLength"] for name in ("first_name", "email")} == {
            "first_name": 100,
            "email": 254,
        }
        assert fields["workshops"]["maxItems"] == 100
        # What the form refuses is declared too: blank names, no consent.
        assert all(
            fields[name]["minLength"] >= 1
            for name in ("first_name", "last_name", "email", "organisation")
        )
        assert fields["consent"]["const"] is True
        key = parameters(post)["Idempotency-Key"]
        assert key["in"] == "header"
        assert key["schema"]["maxLength"] == 128


def test_required_and_maximum_query_parameters():
    paths = document()["paths"]
    for route in ("search", "autocomplete"):
        query = parameters(paths[f"{PREFIX}/{route}"]["get"])
        assert query["q"]["required"] is True, route
        assert "maxLength" in query["q"]["schema"], route
        assert query["limit"]["schema"]["maximum"] >= 1, route
