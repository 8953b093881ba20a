"""Submissions per client address, counted in Django's cache: the HTML form and the API share it.

A fixed window: the first submission from an address starts it, the
``WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT``-th plus one within
``WAGTAILRENCONTRES_REGISTRATION_RATE_WINDOW`` seconds is refused. ``cache.add``
and ``cache.incr`` are atomic on shared caches (Redis, Memcached, database),
so concurrent submissions cannot slip past the count.
"""

from django.core.cache import cache

from wagtail_rencontres import conf


def rate_limited(ip_address):
    """Count one submission from ``ip_address``; ``True`` when over the limit."""
    limit = conf.get_setting("REGISTRATION_RATE_LIMIT")
    if not limit:
        return False
    window = conf.get_setting("REGISTRATION_RATE_WINDOW")
    key = f"wagtail_rencontres:registration-rate:{ip_address}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def client_ip(request):
    """The client address as the web server saw it (configure proxies to set REMOTE_ADDR)."""
    return request.META.get("REMOTE_ADDR") or "unknown"
