"""HTTP caching shared by the typed API and the ICS feeds.

- :data:`conditional`: the one decorator that gives a typed-API route an ETag
  of its body, a 304 on ``If-None-Match``/``If-Modified-Since`` (Django's
  ``conditional_page``, with the ``Last-Modified`` a handler sets on ninja's
  temporal ``response``) and the ``Cache-Control`` of ``API_CACHE_CONTROL``.
- :func:`conditional_response`, :func:`stamp` and :func:`with_cache_control`
  for the ICS feeds, whose streamed bodies get an ETag computed beforehand.

CORS is django-cors-headers' job (see ``docs/how-to/frontend.md``).
"""

from functools import wraps

from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import conditional_page
from ninja.decorators import decorate_view

from wagtail_rencontres import conf


def with_cache_control(response, setting="API_CACHE_CONTROL"):
    """Add the ``Cache-Control`` header of ``setting`` unless the response has one."""
    value = conf.get_setting(setting)
    if value and "Cache-Control" not in response:
        response["Cache-Control"] = value
    return response


def _cache_control(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return with_cache_control(view(request, *args, **kwargs))

    return wrapper


#: ETag, 304 and Cache-Control of a typed-API GET route (``@conditional`` under the route).
conditional = decorate_view(conditional_page, _cache_control)


def last_modified(response, moment):
    """Set ``Last-Modified`` on ninja's temporal response (``None`` sets nothing)."""
    if moment is not None:
        response["Last-Modified"] = http_date(moment.timestamp())


def conditional_response(request, etag, modified=None):
    """A 304 (or 412) response when the client's copy is current, else ``None``."""
    timestamp = int(modified.timestamp()) if modified else None
    return get_conditional_response(request, etag=etag, last_modified=timestamp)


def stamp(response, etag, modified=None):
    """Set ``ETag`` and ``Last-Modified`` on a response built by hand."""
    response["ETag"] = etag
    last_modified(response, modified)
    return response
