"""The one place that reads ``WAGTAILRENCONTRES_*`` settings.

Every setting has a documented default; see ``docs/reference/settings.md``.
Read values through :func:`get_setting` at call time (not import time) so
``override_settings`` works in tests.
"""

from django.conf import settings

DEFAULTS = {
    # IANA timezone given to new events.
    "DEFAULT_TIMEZONE": "Europe/Paris",
    # Number of events per page on agenda pages.
    "AGENDA_PAGE_SIZE": 20,
    # Template that package page templates extend.
    "BASE_TEMPLATE": "wagtail_rencontres/base.html",
    # Default page size of API lists when ``limit`` is not given.
    "API_DEFAULT_LIMIT": 20,
    # Largest ``limit`` the API accepts; larger values get a 400.
    "API_MAX_LIMIT": 100,
    # Cache-Control header of API responses; None sends none.
    "API_CACHE_CONTROL": "public, max-age=300",
    # Cache-Control header of ICS files and feeds; None sends none.
    "ICS_CACHE_CONTROL": "public, max-age=900",
    # Origins allowed to read the API and feeds from a browser (CORS), or ["*"].
    # Sites needing preflight handling or credentials use django-cors-headers instead.
    "API_CORS_ALLOWED_ORIGINS": [],
    # Image renditions of logos, photos and event images in the API, by name.
    "API_RENDITIONS": {"thumbnail": "fill-400x225", "large": "max-1200x1200"},
    # Product identifier in ICS files (PRODID).
    "ICS_PRODID": "-//wagtail-rencontres//Rencontres//FR",
    # Maximum number of events in one ICS feed.
    "ICS_MAX_EVENTS": 500,
    # Let an agenda list, in their source language, the events of its translations
    # (other locales) that have no live translation in the agenda's locale.
    "SHOW_UNTRANSLATED_EVENTS": False,
    # Days after an event's end before its registrations are anonymised by
    # ``manage.py rencontres_anonymise_registrations``.
    "REGISTRATION_RETENTION_DAYS": 365,
    # Registration submissions accepted per client IP address within the window below.
    "REGISTRATION_RATE_LIMIT": 10,
    # Length of the rate-limit window, in seconds.
    "REGISTRATION_RATE_WINDOW": 3600,
    # Consent text shown when an event has none of its own.
    "REGISTRATION_DEFAULT_CONSENT": None,
    # Validity of the self-service link sent to registrants, in days (None: no expiry).
    "REGISTRATION_LINK_MAX_AGE_DAYS": None,
    # "From" address of registration mails (None: DEFAULT_FROM_EMAIL).
    "REGISTRATION_FROM_EMAIL": None,
}


def get_setting(name):
    """Return ``WAGTAILRENCONTRES_<name>`` or its default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown wagtail-rencontres setting: {name}")
    return getattr(settings, f"WAGTAILRENCONTRES_{name}", DEFAULTS[name])


def all_settings():
    """Names of every supported setting, fully prefixed, for docs and checks."""
    return sorted(f"WAGTAILRENCONTRES_{name}" for name in DEFAULTS)
