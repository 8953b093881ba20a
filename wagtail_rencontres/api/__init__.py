"""The typed, documented API of wagtail-rencontres (django-ninja).

A site mounts it with one line in ``urls.py``::

    path("api/rencontres/", include(wagtail_rencontres.api.urls)),

Every path answers with or without a trailing slash (``events``,
``events/``). The OpenAPI document is at ``openapi.json`` and the interactive docs at
``docs`` below that prefix; their assets come from django-ninja's static
files (add ``"ninja"`` to ``INSTALLED_APPS``), never from a CDN.

Routers from the registration and search modules are mounted when present.
"""

import importlib

from django.utils.translation import gettext_lazy as _

OPTIONAL_ROUTERS = ("wagtail_rencontres.api.registration", "wagtail_rencontres.api.search")

_api = None


def _optional_routers():
    for module_name in OPTIONAL_ROUTERS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        router = getattr(module, "router", None)
        if router is not None:
            yield router


def build_api(urls_namespace="wagtail_rencontres_api"):
    """A new NinjaAPI with every router of the package.

    Every path also answers with a trailing slash (``events`` and ``events/``),
    served directly; the OpenAPI document lists the paths without it.
    """
    from ninja.errors import ValidationError

    from wagtail_rencontres.api import http
    from wagtail_rencontres.api.ninja_api import RencontresAPI
    from wagtail_rencontres.api.routers import build_router

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

    @api.exception_handler(ValidationError)
    def field_keyed_errors(request, exc):
        errors = {}
        for error in exc.errors:
            location = [str(part) for part in error.get("loc", ()) if part not in ("path", "query")]
            errors.setdefault(".".join(location) or "detail", []).append(error.get("msg", ""))
        return http.errors_response(request, errors)

    api.add_router("/", build_router())
    for router in _optional_routers():
        api.add_router("/", router)
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
        from wagtail.api.v3.api import api as wagtail_v3
    except ImportError:
        return False
    from wagtail_rencontres.api.routers import build_router

    wagtail_v3.add_router(prefix, build_router())
    return True


def __getattr__(name):
    # ``api`` and ``urls`` are built lazily: importing the package must not build URLs.
    if name == "api":
        return get_api()
    if name == "urls":
        return get_api().urls
    raise AttributeError(name)
