from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

import wagtail_rencontres.api
from example_site.demo import views as demo_views
from wagtail_rencontres.api.v2 import EventsAPIViewSet
from wagtail_rencontres.sitemaps import Sitemap

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesAPIViewSet)
api_v2.register_endpoint("events", EventsAPIViewSet)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v2/", api_v2.urls),
    path("api/rencontres/", wagtail_rencontres.api.urls),
    path("rencontres/", include("wagtail_rencontres.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
    path("headless/", include("example_site.demo.headless")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", demo_views.search_view, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
