"""The typed, documented API of wagtail-rencontres (django-ninja).

A site mounts it with one line in ``urls.py``::

    path("api/rencontres/", include(wagtail_rencontres.api.urls)),

Every path answers with or without a trailing slash (``events``,
``events/``). The OpenAPI document is at ``openapi.json`` and the interactive docs at
``docs`` below that prefix; their assets come from django-ninja's static
files (add ``"ninja"`` to ``INSTALLED_APPS``), never from a CDN.

Parameters, bodies and responses are django-ninja schemas, so the OpenAPI
document is the code. Errors are field-keyed (:mod:`~wagtail_rencontres.api.errors`).
"""

import sys

__all__ = ["api", "attach_to_wagtail_v3", "build_api", "get_api", "urls"]


def __getattr__(name):
    if name not in __all__:
        raise AttributeError(name)
    # Models import this package's ``fields`` module, and the routers import the
    # models: the API is imported and built on first use, never with the package.
    from wagtail_rencontres.api.main import get_api

    if name == "api":
        return get_api()
    if name == "urls":
        return get_api().urls
    return getattr(sys.modules["wagtail_rencontres.api.main"], name)
