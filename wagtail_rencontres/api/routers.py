"""Endpoints of the typed API. No domain logic here: queries live in
:mod:`~wagtail_rencontres.services.queries` and :mod:`~wagtail_rencontres.services.filters`,
representations in :mod:`~wagtail_rencontres.services.serializers`.

Parameters and responses are schemas (:mod:`~wagtail_rencontres.api.filters`,
:mod:`~wagtail_rencontres.api.schemas`), so the OpenAPI document is the code.
:func:`build_router` returns a fresh router each time, so the same endpoints
can be mounted on the package's own API and on Wagtail 8's v3 API.
"""

from django.apps import apps
from ninja import Field, Schema
from ninja.pagination import paginate

from wagtail_rencontres.api import filters as typed_filters
from wagtail_rencontres.api import http, schemas
from wagtail_rencontres.api.errors import Errors, not_found
from wagtail_rencontres.api.pagination import Listing, RencontresPagination
from wagtail_rencontres.api.params import (
    NO_NUL,
    Choices,
    LocaleQuery,
    PathId,
    RencontresRouter,
    Strict,
)
from wagtail_rencontres.services import filters, jsonld, queries, serializers

LIST_ERRORS = {400: Errors}
DETAIL_ERRORS = {400: Errors, 404: Errors}


class EventListQuery(typed_filters.EventFilters):
    """The filters of ``/events``, and what to include."""

    expand: Choices(["programme"], "programme: include each event's programme.")


class ByPathQuery(Schema):
    path: str = Field(
        max_length=2048,
        pattern=NO_NUL,
        description="The event page's URL path, for example /fr/agenda/rencontre/.",
        examples=["/fr/agenda/rencontre/"],
    )


def _model(name):
    return apps.get_model("wagtail_rencontres", name)


def build_router():
    """A new router with every read-only endpoint."""
    router = RencontresRouter(tags=["rencontres"])

    @router.get(
        "/events",
        response={200: schemas.EventList, **LIST_ERRORS},
        summary="List events",
        exclude_unset=True,
    )
    @http.conditional
    @paginate(RencontresPagination)
    def list_events(request, query: Strict(EventListQuery)):
        """Visible events, filtered and sorted in the database, paginated."""
        cleaned = query.model_dump()
        expand_programme = "programme" in cleaned.pop("expand")
        queryset = filters.apply(queries.visible_events(), cleaned)

        def serialize(events):
            return serializers.event_list(events, request, expand_programme=expand_programme)

        extra = {}
        if cleaned["updated_since"]:
            extra["tombstones"] = queries.tombstones_since(
                cleaned["updated_since"][0], locale=cleaned["locale"]
            )
        return Listing(serializers.prefetch_events(queryset), serialize, extra)

    @router.get(
        "/events/by-path",
        response={200: schemas.EventDetail, **DETAIL_ERRORS},
        summary="Get an event by its URL path",
    )
    @http.conditional
    def event_by_path(request, query: Strict(ByPathQuery)):
        event = queries.event_by_path(query.path)
        if event is None:
            return not_found()
        return event_with_jsonld(event, request)

    @router.get(
        "/events/{event_id}",
        response={200: schemas.EventDetail, **DETAIL_ERRORS},
        summary="Get an event",
    )
    @http.conditional
    def event_detail(request, event_id: PathId):
        queryset = serializers.prefetch_events(queries.visible_events())
        event = queryset.filter(pk=event_id).first()
        if event is None:
            return not_found()
        return event_with_jsonld(event, request)

    @router.get(
        "/speakers",
        response={200: schemas.SpeakerList, **LIST_ERRORS},
        summary="List speakers",
    )
    @http.conditional
    @paginate(RencontresPagination)
    def list_speakers(request, query: Strict(LocaleQuery)):
        """Speakers of public sessions of visible events."""
        return _records(
            query, queries.public_speakers(), serializers.speaker, serializers.prepare_speakers
        )

    @router.get(
        "/speakers/{speaker_id}",
        response={200: schemas.SpeakerDetail, **DETAIL_ERRORS},
        summary="Get a speaker with their events",
        exclude_unset=True,
    )
    @http.conditional
    def speaker_detail(request, speaker_id: PathId):
        obj = queries.public_speakers().filter(pk=speaker_id).first()
        if obj is None:
            return not_found()
        serializers.prepare_speakers([obj])
        events = list(
            serializers.prefetch_events(queries.events_of_speaker(obj)).order_by("start", "pk")
        )
        return {**serializers.speaker(obj), "events": serializers.event_list(events, request)}

    @router.get(
        "/cycles",
        response={200: schemas.CycleList, **LIST_ERRORS},
        summary="List cycles",
    )
    @http.conditional
    @paginate(RencontresPagination)
    def list_cycles(request, query: Strict(LocaleQuery)):
        cycles = serializers.prefetch_cycles(queries.visible_cycles())
        return Listing(
            _in_locale(cycles, query), lambda objects: serializers.cycle_list(objects, request)
        )

    @router.get(
        "/cycles/{cycle_id}",
        response={200: schemas.CycleDetail, **DETAIL_ERRORS},
        summary="Get a cycle with its sessions",
        exclude_unset=True,
    )
    @http.conditional
    def cycle_detail(request, cycle_id: PathId):
        obj = serializers.prefetch_cycles(queries.visible_cycles()).filter(pk=cycle_id).first()
        if obj is None:
            return not_found()
        sessions = serializers.cycle_sessions(obj, request)
        return {
            **serializers.cycle(obj, request, sessions=sessions),
            "registration": serializers.registration(obj),
        }

    @router.get(
        "/venues",
        response={200: schemas.VenueList, **LIST_ERRORS},
        summary="List venues",
    )
    @http.conditional
    @paginate(RencontresPagination)
    def list_venues(request, query: Strict(LocaleQuery)):
        queryset = _model("Venue").objects.select_related("locale")
        return _records(query, queryset, serializers.venue)

    @router.get(
        "/venues/{venue_id}",
        response={200: schemas.Venue, **DETAIL_ERRORS},
        summary="Get a venue",
    )
    @http.conditional
    def venue_detail(request, venue_id: PathId):
        return _record(_model("Venue").objects.all(), venue_id, serializers.venue)

    @router.get(
        "/organisations",
        response={200: schemas.OrganisationList, **LIST_ERRORS},
        summary="List organisations",
    )
    @http.conditional
    @paginate(RencontresPagination)
    def list_organisations(request, query: Strict(LocaleQuery)):
        queryset = serializers.prefetch_organisations(_model("Organisation").objects.all())
        return _records(query, queryset, serializers.organisation)

    @router.get(
        "/organisations/{organisation_id}",
        response={200: schemas.Organisation, **DETAIL_ERRORS},
        summary="Get an organisation",
    )
    @http.conditional
    def organisation_detail(request, organisation_id: PathId):
        queryset = serializers.prefetch_organisations(_model("Organisation").objects.all())
        return _record(queryset, organisation_id, serializers.organisation)

    for name, model, summary in (
        ("themes", "Theme", "List themes"),
        ("audiences", "Audience", "List audiences"),
        ("formats", "EventFormat", "List event formats"),
    ):
        router.get(
            f"/{name}",
            response={200: schemas.TermList, **LIST_ERRORS},
            summary=summary,
            url_name=f"list_{name}",
            operation_id=f"wagtail_rencontres_api_routers_list_{name}",
        )(http.conditional(paginate(RencontresPagination)(_terms_view(model))))

    return router


def _terms_view(model_name):
    def list_terms(request, query: Strict(LocaleQuery)):
        return _records(query, _model(model_name).objects.all(), serializers.term)

    return list_terms


def event_with_jsonld(event, request):
    """An event's full representation, with the JSON-LD its page embeds, made from it."""
    data = serializers.event_full(event, request)
    data["jsonld"] = jsonld.with_description(jsonld.from_representation(data), event)
    return data


def _in_locale(queryset, query):
    if query.locale:
        return queryset.filter(locale__language_code=query.locale)
    return queryset


def _records(query, queryset, serialize, prepare=None):
    """A :class:`Listing` of snippets in the requested locale, prepared in bulk."""

    def serialize_page(objects):
        if prepare is not None:
            prepare(objects)
        return [serialize(obj) for obj in objects]

    return Listing(_in_locale(queryset, query), serialize_page)


def _record(queryset, pk, serialize):
    obj = queryset.filter(pk=pk).first()
    return not_found() if obj is None else serialize(obj)
