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
    # Let an agenda list, in their source language, the events of its translations
    # (other locales) that have no live translation in the agenda's locale.
    "SHOW_UNTRANSLATED_EVENTS": False,
}


def get_setting(name):
    """Return ``WAGTAILRENCONTRES_<name>`` or its default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown wagtail-rencontres setting: {name}")
    return getattr(settings, f"WAGTAILRENCONTRES_{name}", DEFAULTS[name])


def all_settings():
    """Names of every supported setting, fully prefixed, for docs and checks."""
    return sorted(f"WAGTAILRENCONTRES_{name}" for name in DEFAULTS)
