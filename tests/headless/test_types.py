"""The headless demo's types match the OpenAPI schema; its code reads only what the schema has."""

import re

import pytest

from example_site.demo.headless import FRONTEND
from example_site.demo.headless_types import TYPES_FILE, jsdoc, openapi_document

#: What each variable of the demo's modules holds, by module: the schema component(s) it is.
VARIABLES = {
    "agenda.js": {
        "event": "EventSummary",
        "list": "EventList",
        "terms": "TermList",
        "term": "Term",
        "theme": "Term",
        "registration": "Registration",
    },
    "event.js": {
        "event": "EventDetail",
        "venue": "Venue",
        "session": "Session",
        "first": "Session",
        "reference": "SessionSpeaker",
        "speaker": "Speaker",
        "programmeDay": "Day",
    },
    "registration.js": {
        "event": "EventDetail",
        "state": "Registration",
        "schema": "RegistrationFormOut",
        "field": "FormFieldOut",
        "choice": "ChoiceOut",
        "workshop": "WorkshopOut",
        "result": "RegistrationOut",
    },
}
ACCESS = re.compile(r"(?<![\w.$])(?P<name>[A-Za-z_]\w*)(?P<path>(?:\.[A-Za-z_]\w*)+)")


@pytest.fixture(scope="module")
def openapi(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return openapi_document()


def resolve(schemas, schema):
    """The object schema behind a $ref or a nullable anyOf, or ``schema`` itself."""
    while True:
        if "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[1]]
        elif "anyOf" in schema:
            options = [option for option in schema["anyOf"] if option.get("type") != "null"]
            if len(options) != 1:
                return schema
            schema = options[0]
        else:
            return schema


def unknown_properties(source, variables, schemas):
    """Each ``name.prop.prop`` of ``source`` whose path the schema lacks, and the count checked.

    The walk stops at arrays, strings and other scalars: what follows is
    JavaScript's own (``.map``, ``.length``, ``.join``).
    """
    missing, checked = [], 0
    for match in ACCESS.finditer(source):
        component = variables.get(match["name"])
        if component is None:
            continue
        schema = schemas[component]
        for prop in match["path"].split(".")[1:]:
            schema = resolve(schemas, schema)
            if "properties" not in schema:
                break
            checked += 1
            if prop not in schema["properties"]:
                missing.append(f"{match['name']}{match['path']} ({component})")
                break
            schema = schema["properties"][prop]
    return missing, checked


def test_types_file_is_generated_from_the_current_schema(openapi):
    assert TYPES_FILE.read_text(encoding="utf-8") == jsdoc(openapi), (
        "run `python -m example_site.demo.headless_types`"
    )


def test_every_api_property_the_demo_reads_is_in_the_schema(openapi):
    schemas = openapi["components"]["schemas"]
    total = 0
    for module, variables in VARIABLES.items():
        source = (FRONTEND / module).read_text(encoding="utf-8")
        missing, checked = unknown_properties(source, variables, schemas)
        assert missing == [], f"{module} reads what the API does not give: {missing}"
        total += checked
    # The mapping above does cover the demo: it checks every read of API data.
    assert total >= 60


def test_a_misspelt_property_is_caught(openapi):
    schemas = openapi["components"]["schemas"]
    source = "event.titel; event.venue.cty; event.venue.city; session.speakers.map(x)"
    missing, checked = unknown_properties(
        source, {"event": "EventDetail", "session": "Session"}, schemas
    )
    assert (missing, checked) == (
        ["event.titel (EventDetail)", "event.venue.cty (EventDetail)"],
        6,
    )
