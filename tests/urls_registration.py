"""Test-only URLs: a NinjaAPI holding the registration router, nothing else.

The router alone, as a site mounting it on its own NinjaAPI would; the typed
API's full URLs (with i18n_patterns around the pages) are tested in tests/api.
"""

from django.urls import path

from wagtail_rencontres.api.ninja_api import RencontresAPI
from wagtail_rencontres.api.registration import router

api = RencontresAPI(urls_namespace="registration_tests")
api.add_router("/", router)

urlpatterns = [path("api/", api.urls)]
