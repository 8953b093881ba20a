"""Test-only URLs: a NinjaAPI holding the registration router, nothing else.

Once the typed API mounts the router itself, tests may use its URLs instead.
No i18n_patterns here: LocaleMiddleware would turn API 404s into redirects.
"""

from django.urls import path

from wagtail_rencontres.api.ninja_api import RencontresAPI
from wagtail_rencontres.api.registration import router

api = RencontresAPI(urls_namespace="registration_tests")
api.add_router("/", router)

urlpatterns = [path("api/", api.urls)]
