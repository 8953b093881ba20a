"""HTTP details shared by the typed API and the feeds: JSON bodies, validation
errors, pagination, conditional GETs and Cache-Control."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _

from wagtail_rencontres import conf


def finish(request, response, cache_setting="API_CACHE_CONTROL"):
    """Add the configured Cache-Control header to a response (CORS: django-cors-headers)."""
    cache_control = conf.get_setting(cache_setting)
    if cache_control and "Cache-Control" not in response:
        response["Cache-Control"] = cache_control
    return response


def conditional(request, etag, last_modified=None):
    """A 304 (or 412) response when the client's copy is current, else ``None``."""
    timestamp = int(last_modified.timestamp()) if last_modified else None
    return get_conditional_response(request, etag=etag, last_modified=timestamp)


def stamp(response, etag, last_modified=None):
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    return response


def json_response(request, data, last_modified=None, status=200):
    """A JSON response with a strong ETag of its body; 304 on a matching conditional GET."""
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    etag = f'"{hashlib.sha256(body).hexdigest()[:40]}"'
    if status == 200:
        response = conditional(request, etag, last_modified)
        if response is None:
            response = HttpResponse(body, content_type="application/json")
        stamp(response, etag, last_modified)
    else:
        response = HttpResponse(body, content_type="application/json", status=status)
    return finish(request, response)


def errors_response(request, errors, status=400):
    """Field-keyed errors: ``{"field": ["message"]}``."""
    response = HttpResponse(
        json.dumps(errors, ensure_ascii=False).encode(),
        content_type="application/json",
        status=status,
    )
    return finish(request, response)


def not_found(request):
    return errors_response(request, {"detail": [_("Not found.")]}, status=404)


def check_parameters(request, allowed):
    """Field-keyed errors for query parameters outside ``allowed``."""
    return {name: [_("Unknown parameter.")] for name in request.GET if name not in allowed}


def pagination(request):
    """``(limit, offset, errors)`` from the query string, within the documented maximum."""
    default = conf.get_setting("API_DEFAULT_LIMIT")
    maximum = conf.get_setting("API_MAX_LIMIT")
    errors = {}
    values = {}
    for name, fallback, low, high in (
        ("limit", default, 1, maximum),
        ("offset", 0, 0, None),
    ):
        raw = request.GET.get(name)
        if raw in (None, ""):
            values[name] = fallback
            continue
        try:
            value = int(raw)
        except ValueError:
            errors[name] = [_("Give a whole number.")]
            continue
        if value < low or (high is not None and value > high):
            errors[name] = [
                _("Give a number between %(low)s and %(high)s.") % {"low": low, "high": high}
                if high is not None
                else _("Give a number of at least %(low)s.") % {"low": low}
            ]
            continue
        values[name] = value
    return values.get("limit"), values.get("offset"), errors


def page_links(request, count, limit, offset):
    """Absolute ``next`` and ``previous`` URLs, keeping the other parameters."""

    def url(new_offset):
        params = request.GET.copy()
        params["limit"] = str(limit)
        params["offset"] = str(new_offset)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    next_url = url(offset + limit) if offset + limit < count else None
    previous_url = url(max(offset - limit, 0)) if offset > 0 else None
    return next_url, previous_url


def paginated(request, queryset, limit, offset):
    """``(count, next, previous, page of objects)``."""
    count = queryset.count()
    objects = list(queryset[offset : offset + limit])
    next_url, previous_url = page_links(request, count, limit, offset)
    return count, next_url, previous_url, objects
