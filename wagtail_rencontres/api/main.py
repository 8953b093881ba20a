"""The package's API, built from its routers: :func:`build_api`, :func:`get_api`."""

from django.utils.translation import gettext_lazy as _

from wagtail_rencontres.api import preview, registration, search
from wagtail_rencontres.api.ninja_api import RencontresAPI
from wagtail_rencontres.api.routers import build_router

_api = None


def build_api(urls_namespace="wagtail_rencontres_api"):
    """A new NinjaAPI with every router of the package.

    Every path also answers with a trailing slash (``events`` and ``events/``),
    served directly; the OpenAPI document lists the paths without it.
    """
    api = RencontresAPI(
        title=str(_("Rencontres API")),
        version="1.0.0",
        description=str(
            _("Events, programmes, speakers, cycles and their records, read-only and public.")
        ),
        urls_namespace=urls_namespace,
        openapi_url="/openapi.json",
        docs_url="/docs",
    )
    api.add_router("/", preview.router)  # before /events/{event_id}
    api.add_router("/", build_router())
    api.add_router("/", registration.router)
    api.add_router("/", search.router)
    return api


def get_api():
    """The package's API, built once."""
    global _api  # noqa: PLW0603 - one instance per process, built on first use
    if _api is None:
        _api = build_api()
    return _api


def attach_to_wagtail_v3(prefix="/rencontres/"):
    """Mount the same endpoints on Wagtail 8's v3 API. Returns False on Wagtail 7."""
    try:
        # Only Wagtail 8 has the v3 API: importing it at the top would fail on 7.4.
        from wagtail.api.v3.api import api as wagtail_v3
    except ImportError:
        return False
    wagtail_v3.add_router(prefix, build_router())
    return True
