"""The one place that reads ``WAGTAILRENCONTRES_*`` settings.

Every setting has a documented default; see ``docs/reference/settings.md``.
Read values through :func:`get_setting` at call time (not import time) so
``override_settings`` works in tests.
"""

import swapper
from django.conf import settings
from django.core import checks

DEFAULTS = {
    # Agenda page model of the site: the shipped one, or the site's own built from
    # AgendaPageMixin ("app_label.ModelName"); set before the first migrate.
    "AGENDAPAGE_MODEL": "wagtail_rencontres.AgendaPage",
    # Event page model of the site: the shipped one, or the site's own built from
    # EventPageMixin; set before the first migrate.
    "EVENTPAGE_MODEL": "wagtail_rencontres.EventPage",
    # Cycle page model of the site: the shipped one, or the site's own built from
    # CyclePageMixin; set before the first migrate.
    "CYCLEPAGE_MODEL": "wagtail_rencontres.CyclePage",
    # IANA timezone given to new events.
    "DEFAULT_TIMEZONE": "Europe/Paris",
    # Number of events per page on agenda pages.
    "AGENDA_PAGE_SIZE": 20,
    # Template that package page templates extend.
    "BASE_TEMPLATE": "wagtail_rencontres/base.html",
    # The package's stylesheet, linked by {% rencontres_stylesheets %}: a static path
    # or a URL; None links none.
    "STYLESHEET": "wagtail_rencontres/rencontres.css",
    # The centre's own stylesheet (its colours, fonts), linked after the package's.
    "EXTRA_STYLESHEET": None,
    # The centre's logo (static path or URL) shown by the package's base template.
    "LOGO": None,
    # Default page size of API lists when ``limit`` is not given.
    "API_DEFAULT_LIMIT": 20,
    # Largest ``limit`` the API accepts; larger values get a 400.
    "API_MAX_LIMIT": 100,
    # Lists count matching rows exactly up to this many (PostgreSQL), then estimate.
    "API_EXACT_COUNT_LIMIT": 1000,
    # Cache-Control header of API responses; None sends none.
    "API_CACHE_CONTROL": "public, max-age=300",
    # Cache (an alias of CACHES) that keeps the typed API's answers, keyed by the change
    # stamp, so a repeated request is answered without being built again; None keeps none.
    "API_RESPONSE_CACHE": "default",
    # Seconds an answer stays in that cache (a change to what it shows retires it at once).
    "API_RESPONSE_CACHE_TIMEOUT": 600,
    # Largest answer kept, in bytes once compressed; larger ones are built every time.
    "API_RESPONSE_CACHE_MAX_BYTES": 1_000_000,
    # Cache-Control header of ICS files and feeds; None sends none.
    "ICS_CACHE_CONTROL": "public, max-age=900",
    # Image renditions of logos, photos and event images in the API, by name.
    "API_RENDITIONS": {"thumbnail": "fill-400x225", "large": "max-1200x1200"},
    # Product identifier in ICS files (PRODID).
    "ICS_PRODID": "-//wagtail-rencontres//Rencontres//FR",
    # Maximum number of events in one ICS feed.
    "ICS_MAX_EVENTS": 500,
    # JSON-LD address of the "place to be announced" given to in-person and hybrid
    # events without a venue (schema.org PostalAddress keys: addressLocality,
    # addressRegion, addressCountry…). An event whose town is known gets a venue
    # with only that town instead.
    "PLACE_TO_BE_ANNOUNCED": {"addressCountry": "FR"},
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
    # request.META key of the header in which trusted reverse proxies give the
    # client's address ("HTTP_X_FORWARDED_FOR"); None: REMOTE_ADDR.
    "CLIENT_IP_HEADER": None,
    # Number of trusted reverse proxies that append to CLIENT_IP_HEADER; the
    # address that many entries from the right is the client's.
    "CLIENT_IP_TRUSTED_PROXIES": 1,
    # Consent text shown when an event has none of its own.
    "REGISTRATION_DEFAULT_CONSENT": None,
    # Days after an event ends (a cycle: its last session) during which the
    # self-service links of its registrants work (None: until erased).
    "REGISTRATION_LINK_DAYS_AFTER_EVENT": 30,
    # "From" address of registration mails (None: DEFAULT_FROM_EMAIL).
    "REGISTRATION_FROM_EMAIL": None,
    # Organiser named on attendance certificates (None: the default site's name).
    "CERTIFICATE_ORGANISER": None,
    # Who signs attendance certificates, e.g. "Jeanne Dupont, directrice".
    "CERTIFICATE_SIGNATORY": "",
    # Static file path of the logo on attendance certificates ("" for none).
    "CERTIFICATE_LOGO": "",
    # Static file path of the signature image on attendance certificates ("" for none).
    "CERTIFICATE_SIGNATURE": "",
    # Front end's preview address, with {token}, {page_id}, {revision_id}, {locale} and
    # {type} placeholders; None: no "Front end" preview mode.
    "HEADLESS_PREVIEW_URL": None,
    # Seconds a headless preview token stays valid.
    "HEADLESS_PREVIEW_MAX_AGE": 300,
    # Receivers of change notifications: a list of {"url": …, "secret": "whsec_…"}.
    "WEBHOOKS": [],
    # Groups of words or phrases search treats as the same: a page holding one
    # is found by any other (run update_index after a change).
    "SEARCH_SYNONYMS": [
        ["QPV", "quartiers prioritaires"],
        ["PRE", "programme de réussite éducative"],
        ["FSE", "Fonds social européen"],
        ["EPCI", "intercommunalité"],
    ],
}


def get_setting(name):
    """Return ``WAGTAILRENCONTRES_<name>`` or its default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown wagtail-rencontres setting: {name}")
    return getattr(settings, f"WAGTAILRENCONTRES_{name}", DEFAULTS[name])


#: Settings no longer read, and what replaces them.
REMOVED = {
    "API_CORS_ALLOWED_ORIGINS": (
        "the API and feeds send CORS headers through django-cors-headers.",
        "Install django-cors-headers (pip install 'wagtail-rencontres[headless]'), add "
        '"corsheaders" to INSTALLED_APPS and its CorsMiddleware, and set '
        "CORS_ALLOWED_ORIGINS, CORS_URLS_REGEX and CORS_EXPOSE_HEADERS; see the "
        "frontend how-to. Then remove this setting.",
    ),
    "REGISTRATION_LINK_MAX_AGE_DAYS": (
        "self-service links now expire a number of days after the event ends.",
        "Set WAGTAILRENCONTRES_REGISTRATION_LINK_DAYS_AFTER_EVENT (default 30; None: "
        "links work until the registration is erased), then remove this setting.",
    ),
}


@checks.register(checks.Tags.compatibility)
def check_removed_settings(app_configs, **kwargs):
    """A warning for each ``WAGTAILRENCONTRES_*`` setting a site sets but the package ignores."""
    return [
        checks.Warning(
            f"WAGTAILRENCONTRES_{name} is no longer read: {reason}",
            hint=hint,
            id="wagtail_rencontres.W010",
        )
        for name, (reason, hint) in REMOVED.items()
        if hasattr(settings, f"WAGTAILRENCONTRES_{name}")
    ]


def all_settings():
    """Names of every supported setting, fully prefixed, for docs and checks."""
    return sorted(f"WAGTAILRENCONTRES_{name}" for name in DEFAULTS)


#: The page models a site can swap, by their shipped class name.
SWAPPABLE_PAGES = ("AgendaPage", "EventPage", "CyclePage")


def page_model_string(name):
    """``"app_label.ModelName"`` of the page model used for ``name`` ("EventPage"…).

    Safe before the app registry is ready: use it in foreign keys, ``subpage_types``
    and ``parent_page_types``.
    """
    return swapper.get_model_name("wagtail_rencontres", name)


def page_model(name):
    """The page model class used for ``name``: the shipped one or the site's own."""
    return swapper.load_model("wagtail_rencontres", name)
