"""The error format of the typed API: messages keyed by the parameter or field.

``{"limit": ["Give a number between 1 and 100."], "colour": ["Unknown parameter."]}``

Validation is django-ninja's (pydantic); this module turns its errors into
translated, field-keyed messages, in one place, and gives each the status the
API documents: 404 for a path that names nothing, 422 for a request body or
header (registration), 400 for query parameters.
"""

import re
from typing import get_args

from annotated_types import Ge, Le
from django.utils.translation import gettext as _
from ninja import Status
from pydantic.fields import FieldInfo

#: The body of every error response.
Errors = dict[str, list[str]]

BODY_SOURCES = ("body", "header")


#: Seconds a client waits before retrying when the database is out of reach (503).
RETRY_AFTER = 5


def unstorable_text():
    """The message for text holding a NUL character or a lone surrogate."""
    return _("Give text without NUL characters or invalid Unicode.")


def not_found():
    """The 404 answer of every route: ``{"detail": ["Not found."]}``."""
    return Status(404, {"detail": [_("Not found.")]})


def unsupported_media_type():
    """The body of a 415: the request body must be JSON."""
    return {"__all__": [_("Send the body as JSON, with Content-Type: application/json.")]}


def unavailable():
    """The body of a 503: the database is out of reach for a moment."""
    return {"__all__": [_("The service is unavailable for a moment. Please try again.")]}


def _allowed(expected):
    # pydantic says "'a', 'b' or 'c'": keep the values, in order.
    return ", ".join(re.findall(r"'([^']*)'", expected))


def message(error):
    """The translated message of one pydantic error (a dict of ``errors()``)."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "missing":
        return _("This parameter is required.")
    if kind == "unknown_parameter":
        return _("Unknown parameter.")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("Give a whole number.")
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = ctx.get("ge"), ctx.get("le")
        if low is not None and high is not None:
            return _("Give a number between %(low)s and %(high)s.") % {"low": low, "high": high}
        if low is not None:
            return _("Give a number of at least %(low)s.") % {"low": low}
        return _("Give a number of at most %(high)s.") % {"high": high}
    if kind == "literal_error":
        return _("Unknown value %(value)s. Allowed: %(allowed)s.") % {
            "value": error.get("input", ""),
            "allowed": _allowed(ctx.get("expected", "")),
        }
    if kind == "string_too_long":
        return _("At most %(max)d characters.") % {"max": ctx["max_length"]}
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return _("This parameter is required.")
    if kind == "string_pattern_mismatch":
        return _("Give text without NUL characters.")
    if kind == "string_unicode":  # a lone UTF-16 surrogate, which no database stores
        return unstorable_text()
    if kind == "too_long":
        return _("At most %(max)d values.") % {"max": ctx["max_length"]}
    if kind == "bool_parsing":
        return _("Give true or false.")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("Send a JSON object.")
    if kind == "value_error":
        # Our validators raise ValueError with a message already translated.
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


def _bounds(model, loc):
    """``ge`` and ``le`` of the value at ``loc`` in ``model``, so a message names both."""
    annotation, metadata = model, []
    for part in loc:
        if isinstance(part, int):  # an item of a list
            args = get_args(annotation)
            annotation = args[0] if args else None
            metadata = list(getattr(annotation, "__metadata__", ()))
            annotation = get_args(annotation)[0] if metadata else annotation
        else:
            field = getattr(annotation, "model_fields", {}).get(part)
            if field is None:
                return {}
            annotation, metadata = field.annotation, list(field.metadata)
    for item in list(metadata):
        if isinstance(item, FieldInfo):
            metadata.extend(item.metadata)
    bounds = {}
    for item in metadata:
        if isinstance(item, Ge):
            bounds["ge"] = item.ge
        elif isinstance(item, Le):
            bounds["le"] = item.le
    return bounds


def add_bounds(error, model, loc):
    """Give a range error both bounds of its field (pydantic names the one crossed)."""
    if error["type"] in ("greater_than_equal", "less_than_equal"):
        error["ctx"] = {**error.get("ctx", {}), **_bounds(model, loc)}
    if isinstance(error.get("ctx", {}).get("error"), Exception):
        error["ctx"]["error"] = str(error["ctx"]["error"])
    return error


def _key(loc):
    source, rest = loc[0], list(loc[1:])
    if source == "body" and rest:
        rest = rest[1:]  # the handler's parameter name (``payload``) is no field
    names = [str(part) for part in rest if not isinstance(part, int)]
    return names[0] if names else "__all__"


def field_keyed(errors):
    """``{"field": ["message", …]}`` from pydantic or ninja errors."""
    result = {}
    for error in errors:
        key = _key(error["loc"])
        if key == "__all__" and error["loc"][0] == "body":
            text = _("Send a JSON object.")  # missing, not JSON, or not an object
        elif error["type"] == "missing" and error["loc"][0] == "body":
            text = _("This field is required.")  # same wording and French as Django
        else:
            text = message(error)
        result.setdefault(key, []).append(text)
    return result


def status_of(errors):
    """404 when the path names nothing, 422 for a body or header, else 400."""
    sources = {error["loc"][0] for error in errors}
    if "path" in sources:
        return 404
    if sources & set(BODY_SOURCES):
        return 422
    return 400


def validation_response(api, request, exc):
    """The answer to ninja's ``ValidationError``: field-keyed, translated messages."""
    status = status_of(exc.errors)
    body = {"detail": [_("Not found.")]} if status == 404 else field_keyed(exc.errors)
    return api.create_response(request, body, status=status)
