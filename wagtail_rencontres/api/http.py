"""HTTP caching shared by the typed API and the ICS feeds: validators that never lie.

Two validators, each changing whenever anything a response shows changes:

- ``Last-Modified`` is the change stamp (:mod:`wagtail_rencontres.services.freshness`),
  which moves on every change to pages, snippets, registrations, privacy,
  sites or images, and when a date shown in listings passes. It is read
  before the content, so a change committed while the response is built
  moves it past what the client was given.
- ``ETag``: on the typed API, a hash of the body and the active language
  (:data:`conditional`); on the streamed ICS feeds, whose body is not known
  beforehand, a hash of the precise stamp, the language, the path, the
  normalised query and the package version (:data:`conditional_feed`, which
  answers 304 before reading any event).

HTTP dates have whole seconds. A response sent in the same second as the
stamp's last move carries no ``Last-Modified`` and ignores
``If-Modified-Since`` (only its ``ETag`` validates it): another change in that
second would otherwise keep the same date. A ``Last-Modified`` that is sent
is therefore always earlier than the next move's date, whole seconds
included (RFC 9110, 8.8.2.2).

Where the language comes from the request rather than the URL path, responses
carry ``Vary: Accept-Language``. ``Cache-Control`` comes from
``API_CACHE_CONTROL`` or ``ICS_CACHE_CONTROL``. Search answers carry an
``ETag`` only (:data:`body_etag`): their hits come from the search index,
which is updated after the stamp moves, so no date could promise them.

The typed API also keeps its answers in a cache (``API_RESPONSE_CACHE``), under
a key made of the precise change stamp, the language, the scheme, the host,
the path and the normalised query: the validators' own rule, applied on the
server. A repeated request reads the stamp and the cache, and builds nothing.
Any change moves the stamp, so an answer is never served past a change the
stamp has seen; the timeout only frees room. Search answers are not kept (the
stamp does not date them), nor streamed ones, nor errors.

CORS is django-cors-headers' job (see ``docs/how-to/frontend.md``).
"""

import hashlib
import logging
import zlib
from functools import partial, wraps

from django.core.cache import InvalidCacheBackendError, caches
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, urlencode
from ninja.decorators import decorate_view

from wagtail_rencontres import __version__, conf
from wagtail_rencontres.services import freshness

logger = logging.getLogger(__name__)


def with_cache_control(response, setting="API_CACHE_CONTROL"):
    """Add the ``Cache-Control`` header of ``setting`` unless the response has one."""
    value = conf.get_setting(setting)
    if value and "Cache-Control" not in response:
        response["Cache-Control"] = value
    return response


def _hash(*parts):
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        digest.update(part if isinstance(part, bytes) else str(part).encode())
        digest.update(b"\0")
    return f'"{digest.hexdigest()}"'


def _settled_seconds(stamp):
    """The stamp's whole second if it is over (``None`` otherwise, or without a stamp)."""
    if stamp is None:
        return None
    seconds = int(stamp.timestamp())
    return seconds if seconds < int(timezone.now().timestamp()) else None


def _validate(request, response, etag, stamp, setting):
    """Stamp ``response`` with its validators; a 304 (or 412) when the client's copy is current."""
    seconds = _settled_seconds(stamp)
    response["ETag"] = etag
    if seconds is not None:
        response["Last-Modified"] = http_date(seconds)
    if translation.get_language_from_path(request.path_info) is None:
        patch_vary_headers(response, ["Accept-Language"])
    if setting:
        with_cache_control(response, setting)
    return get_conditional_response(request, etag=etag, last_modified=seconds, response=response)


def _normalised_query(request):
    return urlencode(sorted(request.GET.lists()), doseq=True)


def _response_cache():
    alias = conf.get_setting("API_RESPONSE_CACHE")
    if not alias:
        return None
    try:
        return caches[alias]
    except InvalidCacheBackendError:
        logger.warning("WAGTAILRENCONTRES_API_RESPONSE_CACHE names no cache: %r", alias)
        return None


def _response_key(request, stamp):
    """What a typed-API answer depends on: the stamp, and what the request says."""
    digest = _hash(
        stamp.isoformat(),
        translation.get_language(),
        request.scheme,
        request.get_host(),
        request.path,
        _normalised_query(request),
        __version__,
    )
    return "wagtail_rencontres:api:" + digest.strip('"')


def _cached_response(cache, key):
    """The kept answer under ``key``, or ``None`` (a failing cache is a miss)."""
    try:
        kept = cache.get(key)
    except Exception:  # the cache is an optimisation: answer without it
        logger.warning("The API response cache could not be read", exc_info=True)
        return None
    if kept is None:
        return None
    headers, body = kept
    return HttpResponse(zlib.decompress(body), headers=headers)


def _keep_response(cache, key, response):
    """Keep a built 200 answer, compressed, unless it is larger than the setting allows."""
    body = zlib.compress(response.content, 1)
    if len(body) > conf.get_setting("API_RESPONSE_CACHE_MAX_BYTES"):
        return
    headers = {name: value for name, value in response.items() if name != "Content-Length"}
    try:
        cache.set(key, (headers, body), conf.get_setting("API_RESPONSE_CACHE_TIMEOUT"))
    except Exception:  # as above: the answer goes out all the same
        logger.warning("The API response cache could not be written", exc_info=True)


def _built_or_kept(view, request, stamp, *args, **kwargs):
    """The view's answer, from the response cache when it holds one for ``stamp``."""
    cache = _response_cache() if stamp is not None else None
    if cache is None:
        return view(request, *args, **kwargs)
    key = _response_key(request, stamp)
    response = _cached_response(cache, key)
    if response is None:
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            _keep_response(cache, key, response)
    return response


def _conditional_body(view, dated=True, setting="API_CACHE_CONTROL"):
    """Validators of a rendered 200 answer: ETag of body and language, stamp as date.

    Dated answers (not search) come from the response cache when it has them.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        stamp = freshness.changed_at() if dated else None
        response = _built_or_kept(view, request, stamp, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return with_cache_control(response, setting) if setting else response
        etag = _hash(translation.get_language(), response.content)
        return _validate(request, response, etag, stamp, setting)

    return wrapper


#: ETag, Last-Modified, 304 and Cache-Control of a typed-API GET route (under the route).
conditional = decorate_view(_conditional_body)

#: An ETag of the body only, for search routes (under the route).
body_etag = decorate_view(partial(_conditional_body, dated=False, setting=None))


def feed_etag(request, stamp):
    """The ETag of a feed: what its body depends on, known before reading any event."""
    return _hash(
        stamp.isoformat(),
        translation.get_language(),
        request.path,
        _normalised_query(request),
        __version__,
    )


def conditional_feed(view):
    """Validators of an ICS view: a 304 before any event is read when the copy is current."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        stamp = freshness.changed_at()
        if stamp is None:  # nothing to derive a truthful ETag from
            return with_cache_control(view(request, *args, **kwargs), "ICS_CACHE_CONTROL")
        etag = feed_etag(request, stamp)
        seconds = _settled_seconds(stamp)
        response = get_conditional_response(request, etag=etag, last_modified=seconds)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200:
                return response
        return _validate(request, response, etag, stamp, "ICS_CACHE_CONTROL")

    return wrapper
