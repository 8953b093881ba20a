"""The example site's API and feed URLs without ``i18n_patterns``.

Most API tests need no language prefix; ``tests/api/test_contract.py`` checks
the API under the example site's own URLs, where LocaleMiddleware used to turn
its 404s into redirects.
"""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.documents import urls as wagtaildocs_urls

import wagtail_rencontres.api
from example_site.urls import api_v2

urlpatterns = [
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_v2.urls),
    path("api/rencontres/", wagtail_rencontres.api.urls),
    path("rencontres/", include("wagtail_rencontres.urls")),
    path("", include(wagtail_urls)),
]
