"""A test-only API with the search router, after the example site's URLs.

After them: a RencontresAPI answers every path below its prefix (a JSON 404
for the paths that name no route), so in front it would hide ``/api/v2/``
and ``/api/rencontres/``.
"""

from django.urls import path

from example_site.urls import urlpatterns as site_urlpatterns
from wagtail_rencontres.api.ninja_api import RencontresAPI
from wagtail_rencontres.api.search import router

api = RencontresAPI(urls_namespace="rencontres_search_tests")
api.add_router("/", router)

urlpatterns = [*site_urlpatterns, path("api/", api.urls)]
