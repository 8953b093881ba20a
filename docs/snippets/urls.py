"""URL patterns the tutorial adds to a site made by ``wagtail start``.

Shared by the tutorial and ``ci/fresh_site_check.py``, which appends the
sections the tutorial includes to the end of a fresh site's ``urls.py``.
"""

# ruff: noqa: E402, F821 - appended to the end of an existing urls.py.

# --8<-- [start:api-v2]
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from wagtail_rencontres.api.v2 import EventsAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("events", EventsAPIViewSet)

urlpatterns = [
    path("api/v2/", api_router.urls),
] + urlpatterns
# --8<-- [end:api-v2]

# --8<-- [start:typed-api]
import wagtail_rencontres.api

urlpatterns = [
    path("api/rencontres/", wagtail_rencontres.api.urls),
    path("rencontres/", include("wagtail_rencontres.urls")),
] + urlpatterns
# --8<-- [end:typed-api]
