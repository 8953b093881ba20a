"""A test-only API with the search router, in front of the example site's URLs."""

from django.urls import path

from example_site.urls import urlpatterns as site_urlpatterns
from wagtail_rencontres.api.ninja_api import RencontresAPI
from wagtail_rencontres.api.search import router

api = RencontresAPI(urls_namespace="rencontres_search_tests")
api.add_router("/", router)

urlpatterns = [path("api/", api.urls), *site_urlpatterns]
