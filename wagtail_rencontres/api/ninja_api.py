"""The package's ``NinjaAPI``: field-keyed errors, and a trailing slash on every path.

Errors: ninja's validation errors become field-keyed, translated messages
(:mod:`~wagtail_rencontres.api.errors`), and a request body that is not JSON
gets the same 422 as a body that is JSON but no object. A body sent as
anything but ``application/json`` gets a 415, a database out of reach a 503
with ``Retry-After``, and a path below the API that names no route a JSON 404.
No answer of the API is turned into a redirect by the site's middleware
(:mod:`~wagtail_rencontres.api.final`).

The OpenAPI document names each path once, without the slash (``/events``,
``/events/{event_id}``). Sites and their clients write both forms, and Django's
``APPEND_SLASH`` cannot help a POST or a path that Wagtail's catch-all route
already claims, so each URL pattern gets a twin ending in ``/`` that calls the
same view: it is served directly, never redirected, and it is left out of the
OpenAPI document and has no URL name (``reverse()`` keeps giving the canonical
path).
"""

import json
import logging

from django.db import InterfaceError, OperationalError
from django.urls import URLPattern, path, re_path
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.parser import Parser

from wagtail_rencontres.api import errors
from wagtail_rencontres.api.final import final
from wagtail_rencontres.api.params import UnsupportedMediaType

logger = logging.getLogger("wagtail_rencontres.api")


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


def _final(pattern):
    return URLPattern(pattern.pattern, final(pattern.callback), pattern.default_args, pattern.name)


class RencontresAPI(NinjaAPI):
    """A ``NinjaAPI`` with field-keyed errors, whose URL patterns accept a trailing slash."""

    def __init__(self, **kwargs):
        kwargs.setdefault("parser", JSONBodyParser())
        super().__init__(**kwargs)
        self.add_exception_handler(ValidationError, self._field_keyed_errors)
        self.add_exception_handler(UnsupportedMediaType, self._unsupported_media_type)
        self.add_exception_handler(OperationalError, self._unavailable)
        self.add_exception_handler(InterfaceError, self._unavailable)

    def _field_keyed_errors(self, request, exc):
        return errors.validation_response(self, request, exc)

    def _unsupported_media_type(self, request, exc):
        return self.create_response(request, errors.unsupported_media_type(), status=415)

    def _unavailable(self, request, exc):
        # Nothing was stored (the transaction rolled back): the client may retry.
        logger.warning("Database unavailable: %s", exc, exc_info=exc)
        response = self.create_response(request, errors.unavailable(), status=503)
        response["Retry-After"] = str(errors.RETRY_AFTER)
        return response

    def _no_route(self, request, *args, **kwargs):
        return self.create_response(request, errors.not_found().value, status=404)

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        patterns = [
            *(_final(pattern) for pattern in with_trailing_slash(patterns)),
            re_path(r"^.*$", final(self._no_route)),
        ]
        return patterns, app_name, namespace
