"""The example site's URLs, plus the floor view the benchmark compares the API with."""

from django.http import JsonResponse
from django.urls import path

from example_site.urls import urlpatterns as site_urlpatterns
from wagtail_rencontres.services import queries

#: What an event card shows, read straight from the database.
FLOOR_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "subtitle",
    "start",
    "end",
    "timezone",
    "status",
    "attendance_mode",
    "registration_mode",
    "registration_capacity",
    "venue__name",
    "venue__city",
    "format__name",
    "locale__language_code",
)


def floor(request):
    """The same rows as ``/api/rencontres/events?when=upcoming&locale=…&limit=…``, bare.

    No serialiser, no pagination envelope, no count, no programme: what a page
    of events costs at least on this database.
    """
    limit = min(int(request.GET.get("limit", 50)), 100)
    events = queries.filter_when(queries.visible_events(), "upcoming")
    if request.GET.get("locale"):
        events = events.filter(locale__language_code=request.GET["locale"])
    return JsonResponse(list(events.values(*FLOOR_FIELDS)[:limit]), safe=False)


urlpatterns = [path("bench/floor/events", floor, name="bench_floor"), *site_urlpatterns]
