"""Search endpoints of the typed API: ``GET /search`` and ``GET /autocomplete``.

The package's API mounts ``router`` at its root. Parameters are typed schemas
(``q`` required, at most 200 characters; ``limit`` 1 to 50); errors are
field-keyed (``{"field": ["message"]}``); a search engine that is down
answers 503 with ``{"detail": ["message"]}``. Answers carry an ``ETag`` of
their body, and no ``Last-Modified`` (see :mod:`wagtail_rencontres.api.http`).
"""

from typing import Annotated

from django.utils import translation
from ninja import Field, Schema, Status
from pydantic import StringConstraints

from wagtail_rencontres.api import http
from wagtail_rencontres.api.errors import Errors
from wagtail_rencontres.api.pagination import page_links
from wagtail_rencontres.api.params import (
    LIST_HINT,
    MAX_OFFSET,
    MAX_VALUES,
    NO_NUL,
    Choices,
    CommaSeparated,
    Id,
    RencontresRouter,
    Slugs,
    Strict,
)
from wagtail_rencontres.enums import EventStatus
from wagtail_rencontres.services import queries, serializers
from wagtail_rencontres.services import search as search_service
from wagtail_rencontres.validators import MAX_YEAR, MIN_YEAR

router = RencontresRouter(tags=["search"])

MAX_QUERY_LENGTH = 200
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]


class AutocompleteQuery(Schema):
    q: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] = Field(
        max_length=MAX_QUERY_LENGTH, pattern=NO_NUL, description="The words typed so far."
    )
    locale: str | None = Field(
        None,
        max_length=100,
        pattern=NO_NUL,
        description=(
            "Language code, e.g. fr: that locale only. Without it, one copy of each item,"
            " in the request's language where the item is translated."
        ),
    )
    limit: int = Field(10, ge=1, le=search_service.MAX_LIMIT, description="Most suggestions.")


class SearchQuery(AutocompleteQuery):
    q: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] = Field(
        max_length=MAX_QUERY_LENGTH, pattern=NO_NUL, description="Words to search for."
    )
    type: Choices(search_service.RESULT_TYPES, "Kinds of results (all by default).")
    theme: Slugs("Theme slugs.")
    audience: Slugs("Audience slugs.")
    format: Slugs("Event format slugs.")
    region: Slugs("Venue regions.")
    department: Slugs("Venue département codes.")
    year: Annotated[
        list[Year],
        CommaSeparated,
        Field(
            default=[],
            max_length=MAX_VALUES,
            description=f"Years of the events' start. {LIST_HINT}",
        ),
    ]
    status: Choices(EventStatus.values, "Event statuses.")
    cycle: Id | None = Field(None, description="Sessions of this cycle page.")
    limit: int = Field(20, ge=1, le=search_service.MAX_LIMIT, description="Items per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")


class FacetValueOut(Schema):
    value: str | int
    label: str
    count: int


class FacetsOut(Schema):
    themes: list[FacetValueOut]
    formats: list[FacetValueOut]
    regions: list[FacetValueOut]
    years: list[FacetValueOut]


class CountsOut(Schema):
    event: int
    cycle: int
    speaker: int


class SearchHitOut(Schema):
    type: str
    id: int
    title: str
    url: str | None
    score: float
    snippet: str
    highlight: str
    start: str | None = Field(None, description="Events: as in the event representation.")
    end: str | None = None
    timezone: str | None = None
    status: str | None = None
    job_title: str | None = None
    affiliation: str | None = None


class SearchOut(Schema):
    count: int
    count_is_exact: bool = Field(
        description=(
            "False when a result type had more than 10,000 matches: its count is then "
            "10,000, and the facets count those."
        )
    )
    next: str | None
    previous: str | None
    results: list[SearchHitOut]
    facets: FacetsOut
    counts: CountsOut
    partial: bool = Field(
        description="True when no result holds every word: these hold some of them, most first."
    )
    notice: str = Field(description="What to tell the reader about these results, or empty.")


class SuggestionOut(Schema):
    type: str
    id: int
    title: str
    url: str | None


class AutocompleteOut(Schema):
    results: list[SuggestionOut]


def _unavailable(error):
    return Status(503, {"detail": [str(error)]})


def _event_representations(hits, request):
    """The one event representation of each event hit, fetched in one batch."""
    ids = [hit.object.pk for hit in hits if hit.type == "event"]
    if not ids:
        return {}
    events = list(serializers.prefetch_events(queries.visible_events()).filter(pk__in=ids))
    return {data["id"]: data for data in serializers.event_list(events, request)}


def _hit_out(request, hit, events):
    item = hit.object
    data = {
        "type": hit.type,
        "id": item.pk,
        "title": hit.title,
        # A cycle's page or a speaker's page; an event's comes with its list representation.
        "url": hit.url if hit.type != "event" else None,
        "score": hit.score,
        "snippet": hit.snippet,
        "highlight": str(hit.highlight),
    }
    if hit.type == "event" and item.pk in events:
        event = events[item.pk]
        data.update({key: event[key] for key in ("url", "start", "end", "timezone", "status")})
    if hit.type == "speaker":
        data.update(job_title=item.job_title, affiliation=item.affiliation or "")
    return data


@router.get(
    "/search",
    response={200: SearchOut, 400: Errors, 503: Errors},
    summary="Search events, cycles and speakers",
)
@http.body_etag
def search(request, query: Strict(SearchQuery)):
    """Full-text search with filters (repeat a parameter or separate values with
    commas), facets and ``limit``/``offset`` pagination. ``snippet`` is plain
    text; ``highlight`` is HTML with the matching words in ``<mark>``. Event
    hits carry the fields of the event representation (``url``, ``start``,
    ``end``, ``timezone``, ``status``)."""
    filters = search_service.Filters(
        themes=query.theme,
        audiences=query.audience,
        formats=query.format,
        regions=query.region,
        departments=query.department,
        years=query.year,
        statuses=query.status,
        cycle=query.cycle,
    )
    try:
        results = search_service.search(
            query.q,
            filters=filters,
            types=query.type or None,
            language_code=query.locale or None,
            limit=query.limit,
            offset=query.offset,
            # Hits' URLs are those of the request's site, its root paths read once.
            request=request,
            preferred_language=translation.get_language(),
        )
    except search_service.SearchUnavailable as error:
        return _unavailable(error)
    next_url, previous_url = page_links(request, results.count, query.limit, query.offset)
    events = _event_representations(results.hits, request)
    return {
        "count": results.count,
        "count_is_exact": results.count_is_exact,
        "next": next_url,
        "previous": previous_url,
        "results": [_hit_out(request, hit, events) for hit in results.hits],
        "facets": results.facets,
        "counts": results.counts,
        "partial": results.partial,
        "notice": results.notice,
    }


@router.get(
    "/autocomplete",
    response={200: AutocompleteOut, 400: Errors, 503: Errors},
    summary="Suggest event titles and speaker names",
)
@http.body_etag
def autocomplete(request, query: Strict(AutocompleteQuery)):
    """Event titles and speaker names beginning with the words typed in ``q``."""
    try:
        suggestions = search_service.autocomplete(
            query.q,
            language_code=query.locale or None,
            limit=query.limit,
            preferred_language=translation.get_language(),
        )
    except search_service.SearchUnavailable as error:
        return _unavailable(error)
    return {
        "results": [
            {
                "type": hit.type,
                "id": hit.object.pk,
                "title": hit.title,
                "url": hit.url,
            }
            for hit in suggestions
        ]
    }
