"""JSDoc types of the headless demo, generated from the typed API's OpenAPI document.

``python -m example_site.demo.headless_types`` rewrites
``example_site/frontend/types.js``; ``tests/headless/test_types.py`` fails
when the file is not what the current schema gives.
"""

import json
import os
import sys

from example_site.demo.headless import FRONTEND

TYPES_FILE = FRONTEND / "types.js"
HEADER = (
    "// Generated from /api/rencontres/openapi.json by\n"
    "// `python -m example_site.demo.headless_types`: do not edit.\n"
)
SCALARS = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}


def js_type(schema):
    """The JSDoc type of one OpenAPI schema."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[1]
    if "anyOf" in schema:
        return "(" + "|".join(js_type(option) for option in schema["anyOf"]) + ")"
    if "const" in schema:
        return json.dumps(schema["const"])
    kind = schema.get("type")
    if kind == "null":
        return "null"
    if kind == "array":
        return f"{js_type(schema.get('items', {}))}[]"
    if kind == "object":
        return "Object<string, *>"
    return SCALARS.get(kind, "*")


def jsdoc(openapi):
    """One ``@typedef`` per component of ``openapi`` that has properties, sorted by name."""
    blocks = [HEADER]
    for name, component in sorted(openapi["components"]["schemas"].items()):
        properties = component.get("properties")
        if not properties:
            continue
        required = set(component.get("required", []))
        lines = ["/**", f" * @typedef {{Object}} {name}"]
        for prop, schema in properties.items():
            label = prop if prop in required else f"[{prop}]"
            lines.append(f" * @property {{{js_type(schema)}}} {label}")
        lines.append(" */")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks) + "\nexport {};\n"


def openapi_document():
    """The typed API's OpenAPI document, as the running site serves it."""
    from wagtail_rencontres.api import api

    return json.loads(json.dumps(api.get_openapi_schema(), default=str))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.dev")
    import django

    django.setup()
    TYPES_FILE.write_text(jsdoc(openapi_document()), encoding="utf-8")
    sys.stdout.write(f"wrote {TYPES_FILE}\n")


if __name__ == "__main__":
    main()
