"""Submissions per client address, counted in Django's cache: the HTML form and the API share it.

A fixed window: the first submission from an address starts it, the
``WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT``-th plus one within
``WAGTAILRENCONTRES_REGISTRATION_RATE_WINDOW`` seconds is refused.

The count must hold across the processes of a site, so it lives in the
``default`` cache, which must then be shared (database, Redis, Memcached; the
``wagtail_rencontres.W020`` check warns otherwise). Each accepted submission
claims a numbered slot with ``cache.add``, which every shared backend performs
atomically (the database cache through its primary key); ``cache.incr`` is not
enough, as the database cache implements it as a read then a write, and
concurrent submissions would then be counted once.
"""

import ipaddress
import time

from django.core.cache import cache

from wagtail_rencontres import conf

KEY_PREFIX = "wagtail_rencontres:registration-rate"


def rate_limited(ip_address):
    """Count one submission from ``ip_address``; ``True`` when over the limit."""
    limit = conf.get_setting("REGISTRATION_RATE_LIMIT")
    if not limit:
        return False
    window = conf.get_setting("REGISTRATION_RATE_WINDOW")
    now = int(time.time())
    start_key = f"{KEY_PREFIX}:{ip_address}"
    start = now if cache.add(start_key, now, timeout=window) else cache.get(start_key, now)
    timeout = max(1, start + window - now)
    window_key = f"{start_key}:{start}"
    # A hint of the slots already taken spares re-trying them; a stale, lower
    # value only costs a few more attempts, never a slot too many.
    for slot in range(cache.get(window_key, 0) + 1, limit + 2):
        if cache.add(f"{window_key}:{slot}", 1, timeout=timeout):
            cache.set(window_key, slot, timeout=timeout)
            return slot > limit
    return True


def client_ip(request):
    """The client's address: ``REMOTE_ADDR``, or the one given by trusted proxies.

    With ``WAGTAILRENCONTRES_CLIENT_IP_HEADER`` set (``"HTTP_X_FORWARDED_FOR"``),
    each of the ``WAGTAILRENCONTRES_CLIENT_IP_TRUSTED_PROXIES`` proxies in front
    of the site appends the address it received the request from. The entry that
    many places from the right is the client as the outermost trusted proxy saw
    it; entries further left were sent by the client and may be forged, so they
    are never read. A header missing or not ending in an IP address gives
    ``REMOTE_ADDR``.
    """
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    header = conf.get_setting("CLIENT_IP_HEADER")
    if not header:
        return remote
    chain = [part.strip() for part in request.META.get(header, "").split(",")]
    chain = [part for part in chain if part]
    if not chain:
        return remote
    proxies = max(1, conf.get_setting("CLIENT_IP_TRUSTED_PROXIES"))
    try:
        return str(ipaddress.ip_address(chain[-min(proxies, len(chain))]))
    except ValueError:
        return remote
