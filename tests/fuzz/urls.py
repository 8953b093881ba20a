"""Every GET surface the property tests reach, without ``i18n_patterns``.

Outside ``i18n_patterns`` a 404 stays a 404 (LocaleMiddleware would redirect
it to ``/fr/…``), so the tests read each surface's own answer.
"""

from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls

from example_site.demo import views as demo_views
from tests.api.urls import urlpatterns as api_urlpatterns
from tests.search.urls import api as search_api

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("search/", demo_views.search_view, name="search"),
    *api_urlpatterns[:-1],
    # The search API answers every path below api/ (a JSON 404 when no route
    # matches): after /api/v2/ and /api/rencontres/, before Wagtail's pages.
    path("api/", search_api.urls),
    api_urlpatterns[-1],
]
