"""System checks of a site's settings for production (``manage.py check --deploy``).

- ``W020``: the rate limit is on but the ``default`` cache is per process
  (``LocMemCache``): each worker counts on its own.
- ``W021``: the rate limit is on but the ``default`` cache is ``DummyCache``:
  nothing is counted, so there is no limit at all.
- ``W022``: a Wagtail Site whose address cannot be the public one (a loopback
  host name, or plain HTTP on a site that redirects to HTTPS): links in mails,
  ICS files and the API are built from it. It reads the database, so it runs
  with ``check --database default`` and during ``migrate``, when DEBUG is off.
- ``W023``: DEBUG is off and no handler receives the errors of
  ``django.request``: a server error leaves no trace.

Ids ``W020`` to ``W029`` are reserved for these checks; see
``docs/reference/settings.md``.
"""

import logging

from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError
from django.utils.log import AdminEmailHandler, RequireDebugTrue
from wagtail.models import Site

from wagtail_rencontres import conf

LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


@checks.register(checks.Tags.caches, deploy=True)
def check_rate_limit_cache(app_configs, **kwargs):
    """W020 or W021 when the rate limit is counted in a cache that is not shared."""
    if not conf.get_setting("REGISTRATION_RATE_LIMIT"):
        return []
    cache = caches["default"]
    if isinstance(cache, DummyCache):
        return [
            checks.Warning(
                "The registration rate limit is on, but the default cache is DummyCache, "
                "which stores nothing: there is no limit at all.",
                hint="Configure a shared cache (DatabaseCache, Redis or Memcached) in "
                "CACHES['default'], or set WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 0 "
                "to say there is none.",
                id="wagtail_rencontres.W021",
            )
        ]
    if isinstance(cache, LocMemCache):
        return [
            checks.Warning(
                "The registration rate limit is counted in the default cache, which is "
                "LocMemCache: each process counts on its own, so a site served by N "
                "processes accepts up to N times the limit.",
                hint="Configure a cache shared by all processes (DatabaseCache, Redis or "
                "Memcached) in CACHES['default']; see docs/how-to/production.md.",
                id="wagtail_rencontres.W020",
            )
        ]
    return []


@checks.register(checks.Tags.database)
def check_site_addresses(app_configs, databases=None, **kwargs):
    """W022 for each Wagtail Site whose root URL cannot be the site's public address."""
    if settings.DEBUG or not databases or "default" not in databases:
        return []
    try:
        sites = list(Site.objects.order_by("pk"))
    except DatabaseError:  # before the first migrate
        return []
    https_only = getattr(settings, "SECURE_SSL_REDIRECT", False)
    warnings = []
    for site in sites:
        if site.hostname in LOOPBACK_HOSTS or site.hostname.endswith(".localhost"):
            reason = "a loopback host name"
        elif https_only and site.port != 443:
            reason = "plain HTTP while SECURE_SSL_REDIRECT is on"
        else:
            continue
        warnings.append(
            checks.Warning(
                f"The Wagtail Site {site.hostname}:{site.port} gives links such as "
                f"{site.root_url}/… ({reason}); registration mails, ICS files and the "
                "API build their links from it.",
                hint="Set the site's public host name, and port 443 for HTTPS, in "
                "Settings > Sites; see docs/how-to/production.md.",
                obj=site,
                id="wagtail_rencontres.W022",
            )
        )
    return warnings


def _handles_errors(handler):
    if isinstance(handler, logging.NullHandler) or handler.level > logging.ERROR:
        return False
    if isinstance(handler, AdminEmailHandler) and not settings.ADMINS:
        return False
    return not any(isinstance(item, RequireDebugTrue) for item in handler.filters)


def _errors_reach_a_handler(logger):
    if logger.disabled or logger.getEffectiveLevel() > logging.ERROR:
        return False
    while logger:
        if any(_handles_errors(handler) for handler in logger.handlers):
            return True
        if not logger.propagate:
            return False
        logger = logger.parent
    return False


@checks.register(checks.Tags.security, deploy=True)
def check_error_logging(app_configs, **kwargs):
    """W023 when DEBUG is off and server errors are logged nowhere."""
    if settings.DEBUG or _errors_reach_a_handler(logging.getLogger("django.request")):
        return []
    return [
        checks.Warning(
            "No logging handler receives the errors of the django.request logger: with "
            "DEBUG off, a server error (500) leaves no trace (Django's default configuration "
            "only mails them to ADMINS).",
            hint="Send django.request and wagtail_rencontres to a handler in LOGGING, for "
            "example a StreamHandler to stderr; see docs/how-to/production.md.",
            id="wagtail_rencontres.W023",
        )
    ]
