"""Endpoints of the typed API. No domain logic here: queries live in
:mod:`~wagtail_rencontres.services.queries` and :mod:`~wagtail_rencontres.services.filters`,
representations in :mod:`~wagtail_rencontres.services.serializers`.

:func:`build_router` returns a fresh router each time, so the same endpoints
can be mounted on the package's own API and on Wagtail 8's v3 API.
"""

from django.apps import apps
from django.utils.translation import gettext as _
from ninja import Router

from wagtail_rencontres.api import http, schemas
from wagtail_rencontres.services import filters, queries, serializers

LIST_PARAMETERS = ("limit", "offset", "locale")
EVENT_LIST_EXTRA = ("limit", "offset", "expand")
PAGINATION_DOC = [
    {
        "name": "limit",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1},
        "description": "Items per page (default 20, at most WAGTAILRENCONTRES_API_MAX_LIMIT, 100).",
    },
    {
        "name": "offset",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 0},
        "description": "Items to skip.",
    },
]
LOCALE_DOC = {
    "name": "locale",
    "in": "query",
    "required": False,
    "schema": {"type": "string"},
    "description": "Language code, for example fr.",
}
RESPONSES = {400: schemas.Errors, 404: schemas.Errors}


def _filter_parameters_doc():
    docs = {
        "when": "upcoming (ongoing included), ongoing or past; sorts past events newest first.",
        "starts_after": "Events starting at or after this date or datetime.",
        "starts_before": "Events starting before the end of this date, or at/before a datetime.",
        "ends_after": "Events still on at or after this date or datetime (overlap).",
        "ends_before": "Events ending before the end of this date, or at/before a datetime.",
        "theme": "Theme slugs, comma-separated.",
        "audience": "Audience slugs, comma-separated.",
        "format": "Event format slugs, comma-separated.",
        "organiser": "Ids of organising organisations, comma-separated.",
        "speaker": "Ids of speakers of public sessions, comma-separated.",
        "venue": "Venue ids, comma-separated.",
        "city": "Venue city, case-insensitive.",
        "department": "Venue département name or code.",
        "region": "Venue region.",
        "cycle": "Cycle page ids, comma-separated.",
        "status": "scheduled, rescheduled, postponed, moved_online, full, cancelled.",
        "attendance_mode": "offline, online, mixed.",
        "registration_open": "true or false.",
        "q": "Full-text search.",
        "locale": "Language code, for example fr.",
        "updated_since": "Events published since; adds tombstones of removed events.",
        "ordering": "start, -start or title.",
        "expand": "programme: include each event's programme.",
    }
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "schema": {"type": "string"},
            "description": description,
        }
        for name, description in docs.items()
    ] + PAGINATION_DOC


def _model(name):
    return apps.get_model("wagtail_rencontres", name)


def _last_published(events):
    stamps = [event.last_published_at for event in events if event.last_published_at]
    return max(stamps) if stamps else None


def _expand(request):
    """``(expand_programme, errors)``."""
    value = request.GET.get("expand", "")
    items = [item for item in value.split(",") if item]
    unknown = [item for item in items if item != "programme"]
    if unknown:
        message = _("Unknown value %(value)s. Allowed: %(allowed)s.") % {
            "value": ", ".join(unknown),
            "allowed": "programme",
        }
        return False, {"expand": [message]}
    return "programme" in items, {}


def event_list_response(request, base_queryset):
    """Filtered, paginated events as ``{count, next, previous, results}``."""
    cleaned, errors = filters.validate(request.GET, extra_parameters=EVENT_LIST_EXTRA)
    limit, offset, page_errors = http.pagination(request)
    expand_programme, expand_errors = _expand(request)
    errors = {**(errors or {}), **page_errors, **expand_errors}
    if errors:
        return http.errors_response(request, errors)
    queryset = serializers.prefetch_events(filters.apply(base_queryset, cleaned))
    count, next_url, previous_url, events = http.paginated(request, queryset, limit, offset)
    data = {
        "count": count,
        "next": next_url,
        "previous": previous_url,
        "results": serializers.event_list(events, request, expand_programme=expand_programme),
    }
    if cleaned.get("updated_since"):
        data["tombstones"] = queries.tombstones_since(
            cleaned["updated_since"][0], locale=cleaned.get("locale")
        )
    return http.json_response(request, data, last_modified=_last_published(events))


def build_router():
    router = Router(tags=["rencontres"])

    @router.get(
        "/events",
        response={200: schemas.EventList, **RESPONSES},
        openapi_extra={"parameters": _filter_parameters_doc()},
        summary="List events",
    )
    def list_events(request):
        """Visible events, filtered in the database and paginated."""
        return event_list_response(request, queries.visible_events())

    @router.get(
        "/events/by-path",
        response={200: schemas.EventDetail, **RESPONSES},
        openapi_extra={
            "parameters": [
                {
                    "name": "path",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string"},
                    "description": "The event page's URL path, for example /fr/agenda/rencontre/.",
                }
            ]
        },
        summary="Get an event by its URL path",
    )
    def event_by_path(request):
        errors = http.check_parameters(request, ("path",))
        path = request.GET.get("path", "")
        if not path:
            errors["path"] = [_("This parameter is required.")]
        if errors:
            return http.errors_response(request, errors)
        event = queries.event_by_path(path)
        if event is None:
            return http.not_found(request)
        return _event_response(request, event)

    @router.get(
        "/events/{event_id}",
        response={200: schemas.EventDetail, **RESPONSES},
        summary="Get an event",
    )
    def event_detail(request, event_id: int):
        errors = http.check_parameters(request, ())
        if errors:
            return http.errors_response(request, errors)
        event = serializers.prefetch_events(queries.visible_events()).filter(pk=event_id).first()
        if event is None:
            return http.not_found(request)
        return _event_response(request, event)

    @router.get(
        "/speakers",
        response={200: schemas.SpeakerList, **RESPONSES},
        openapi_extra={"parameters": [*PAGINATION_DOC, LOCALE_DOC]},
        summary="List speakers",
    )
    def list_speakers(request):
        """Speakers of public sessions of visible events."""
        return _records_response(
            request, queries.public_speakers(), serializers.speaker, serializers.prepare_speakers
        )

    @router.get(
        "/speakers/{speaker_id}",
        response={200: schemas.SpeakerDetail, **RESPONSES},
        summary="Get a speaker with their events",
    )
    def speaker_detail(request, speaker_id: int):
        errors = http.check_parameters(request, ())
        if errors:
            return http.errors_response(request, errors)
        obj = queries.public_speakers().filter(pk=speaker_id).first()
        if obj is None:
            return http.not_found(request)
        serializers.prepare_speakers([obj])
        events = list(
            serializers.prefetch_events(queries.events_of_speaker(obj)).order_by("start", "pk")
        )
        data = serializers.speaker(obj)
        data["events"] = serializers.event_list(events, request)
        return http.json_response(request, data, last_modified=_last_published(events))

    @router.get(
        "/cycles",
        response={200: schemas.CycleList, **RESPONSES},
        openapi_extra={"parameters": [*PAGINATION_DOC, LOCALE_DOC]},
        summary="List cycles",
    )
    def list_cycles(request):
        return _records_response(
            request,
            queries.visible_cycles(),
            lambda obj: serializers.cycle(obj, request),
            serializers.localize,
            prepare_queryset=serializers.prefetch_cycles,
        )

    @router.get(
        "/cycles/{cycle_id}",
        response={200: schemas.CycleDetail, **RESPONSES},
        summary="Get a cycle with its sessions",
    )
    def cycle_detail(request, cycle_id: int):
        errors = http.check_parameters(request, ())
        if errors:
            return http.errors_response(request, errors)
        obj = serializers.prefetch_cycles(queries.visible_cycles()).filter(pk=cycle_id).first()
        if obj is None:
            return http.not_found(request)
        sessions = serializers.cycle_sessions(obj, request)
        data = serializers.cycle(obj, request, sessions=sessions)
        data["registration"] = serializers.registration(obj)
        return http.json_response(request, data, last_modified=obj.last_published_at)

    @router.get(
        "/venues",
        response={200: schemas.VenueList, **RESPONSES},
        openapi_extra={"parameters": [*PAGINATION_DOC, LOCALE_DOC]},
        summary="List venues",
    )
    def list_venues(request):
        return _records_response(
            request, _model("Venue").objects.select_related("locale"), serializers.venue, None
        )

    @router.get(
        "/venues/{venue_id}",
        response={200: schemas.Venue, **RESPONSES},
        summary="Get a venue",
    )
    def venue_detail(request, venue_id: int):
        return _record_response(request, _model("Venue").objects.all(), venue_id, serializers.venue)

    @router.get(
        "/organisations",
        response={200: schemas.OrganisationList, **RESPONSES},
        openapi_extra={"parameters": [*PAGINATION_DOC, LOCALE_DOC]},
        summary="List organisations",
    )
    def list_organisations(request):
        return _records_response(
            request,
            serializers.prefetch_organisations(_model("Organisation").objects.all()),
            serializers.organisation,
            None,
        )

    @router.get(
        "/organisations/{organisation_id}",
        response={200: schemas.Organisation, **RESPONSES},
        summary="Get an organisation",
    )
    def organisation_detail(request, organisation_id: int):
        queryset = serializers.prefetch_organisations(_model("Organisation").objects.all())
        return _record_response(request, queryset, organisation_id, serializers.organisation)

    @router.get(
        "/themes",
        response={200: schemas.TermList, **RESPONSES},
        openapi_extra={"parameters": [*PAGINATION_DOC, LOCALE_DOC]},
        summary="List themes",
    )
    def list_themes(request):
        return _records_response(request, _model("Theme").objects.all(), serializers.term, None)

    @router.get(
        "/audiences",
        response={200: schemas.TermList, **RESPONSES},
        openapi_extra={"parameters": [*PAGINATION_DOC, LOCALE_DOC]},
        summary="List audiences",
    )
    def list_audiences(request):
        return _records_response(request, _model("Audience").objects.all(), serializers.term, None)

    @router.get(
        "/formats",
        response={200: schemas.TermList, **RESPONSES},
        openapi_extra={"parameters": [*PAGINATION_DOC, LOCALE_DOC]},
        summary="List event formats",
    )
    def list_formats(request):
        queryset = _model("EventFormat").objects.all()
        return _records_response(request, queryset, serializers.term, None)

    return router


def _event_response(request, event):
    data = serializers.event_full(event, request)
    return http.json_response(request, data, last_modified=event.last_published_at)


def _records_response(request, queryset, serialize, prepare, prepare_queryset=None):
    errors = http.check_parameters(request, LIST_PARAMETERS)
    limit, offset, page_errors = http.pagination(request)
    errors.update(page_errors)
    locale = request.GET.get("locale")
    if locale and not queries.locale_exists(locale):
        errors["locale"] = [_("Unknown locale %(code)s.") % {"code": locale}]
    if errors:
        return http.errors_response(request, errors)
    if locale:
        queryset = queryset.filter(locale__language_code=locale)
    if prepare_queryset is not None:
        queryset = prepare_queryset(queryset)
    count, next_url, previous_url, objects = http.paginated(request, queryset, limit, offset)
    if prepare is not None:
        prepare(objects)
    data = {
        "count": count,
        "next": next_url,
        "previous": previous_url,
        "results": [serialize(obj) for obj in objects],
    }
    return http.json_response(request, data)


def _record_response(request, queryset, pk, serialize):
    errors = http.check_parameters(request, ())
    if errors:
        return http.errors_response(request, errors)
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        return http.not_found(request)
    return http.json_response(request, serialize(obj))
