"""The package's ``NinjaAPI``: field-keyed errors, and a trailing slash on every path.

Errors: ninja's validation errors become field-keyed, translated messages
(:mod:`~wagtail_rencontres.api.errors`), and a request body that is not JSON
gets the same 422 as a body that is JSON but no object.


The OpenAPI document names each path once, without the slash (``/events``,
``/events/{event_id}``). Sites and their clients write both forms, and Django's
``APPEND_SLASH`` cannot help a POST or a path that Wagtail's catch-all route
already claims, so each URL pattern gets a twin ending in ``/`` that calls the
same view: it is served directly, never redirected, and it is left out of the
OpenAPI document and has no URL name (``reverse()`` keeps giving the canonical
path).
"""

import json

from django.urls import URLPattern, path
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.parser import Parser

from wagtail_rencontres.api import errors


def with_trailing_slash(patterns):
    """The patterns, each followed by a nameless twin whose route ends in ``/``.

    The twin comes right after its original, so an earlier literal route
    (``events/by-path``) still wins over a later parameter (``events/<event_id>``).
    Routes that are empty or already end in ``/`` get no twin; a route served
    by several operations (GET and POST) gets one.
    """
    routes = {str(pattern.pattern) for pattern in patterns if isinstance(pattern, URLPattern)}
    result, twinned = [], set()
    for pattern in patterns:
        result.append(pattern)
        if not isinstance(pattern, URLPattern):
            continue
        route = str(pattern.pattern)
        twin = f"{route}/"
        if not route or route.endswith("/") or twin in routes or route in twinned:
            continue
        twinned.add(route)
        result.append(path(twin, pattern.callback, kwargs=pattern.default_args))
    return result


class JSONBodyParser(Parser):
    """Reads a JSON body; one that is not JSON reads as ``None`` (no object)."""

    def parse_body(self, request):
        try:
            return json.loads(request.body)
        except (ValueError, RecursionError):
            return None


class RencontresAPI(NinjaAPI):
    """A ``NinjaAPI`` with field-keyed errors, whose URL patterns accept a trailing slash."""

    def __init__(self, **kwargs):
        kwargs.setdefault("parser", JSONBodyParser())
        super().__init__(**kwargs)
        self.add_exception_handler(ValidationError, self._field_keyed_errors)

    def _field_keyed_errors(self, request, exc):
        return errors.validation_response(self, request, exc)

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        return with_trailing_slash(patterns), app_name, namespace
