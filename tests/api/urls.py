"""The example site's API and feed URLs without ``i18n_patterns``.

Under ``i18n_patterns`` with a prefixed default language, Django's
LocaleMiddleware turns any 404 into a redirect to ``/fr/…``; API tests check
the API's own status codes.
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
