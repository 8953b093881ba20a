"""The example site's URLs, plus the floor views the benchmark compares the package with."""

import json

from django.db import transaction
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from example_site.urls import urlpatterns as site_urlpatterns
from wagtail_rencontres.enums import RegistrationStatus
from wagtail_rencontres.models import Registration
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


@csrf_exempt
@require_POST
def register_floor(request, event_id):
    """A registration at least costs this: the page's row locked, its seats counted, one insert.

    No form, no check of the event, no mail, no change stamp, no task: what
    the registration race measures, bare. The race runs it too
    (:mod:`benchmarks.race`), as the reference of the registration API.
    """
    data = json.loads(request.body)
    with transaction.atomic():
        capacity = (
            queries.event_model()
            .objects.select_for_update()
            .filter(pk=event_id)
            .values_list("registration_capacity", flat=True)
            .get()
        )
        taken = Registration.objects.filter(
            page_id=event_id, status__in=RegistrationStatus.seat_holding()
        ).count()
        full = capacity is not None and taken >= capacity
        registration = Registration.objects.create(
            page_id=event_id,
            status=RegistrationStatus.WAITLISTED if full else RegistrationStatus.CONFIRMED,
            status_changed_at=timezone.now(),
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            organisation=data["organisation"],
            form_data={},
        )
    return JsonResponse({"id": registration.pk}, status=202 if full else 201)


urlpatterns = [
    path("bench/floor/events", floor, name="bench_floor"),
    path("bench/floor/events/<int:event_id>/registrations", register_floor),
    *site_urlpatterns,
]
