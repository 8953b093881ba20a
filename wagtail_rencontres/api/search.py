"""Search endpoints of the typed API: ``GET /search`` and ``GET /autocomplete``.

The package's API mounts ``router`` at its root when this module exists.
Errors are field-keyed (``{"field": ["message"]}``); a search engine that is
down answers 503 with ``{"detail": ["message"]}``.
"""

import datetime as dt
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from ninja import Router, Schema

try:
    from ninja import Status
except ImportError:  # django-ninja < 1.5 takes (status, body) tuples

    def Status(status_code, value):  # noqa: N802 - stands in for the class
        return status_code, value


from wagtail_rencontres.enums import EventStatus
from wagtail_rencontres.services import search as search_service

router = Router(tags=["search"])

MAX_QUERY_LENGTH = 200
LIST_PARAMETERS = ("type", "theme", "audience", "format", "region", "department", "year", "status")
SEARCH_PARAMETERS = (*LIST_PARAMETERS, "q", "cycle", "locale", "limit", "offset")


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
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    timezone: str | None = None
    status: str | None = None
    job_title: str | None = None
    affiliation: str | None = None


class SearchOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[SearchHitOut]
    facets: FacetsOut
    counts: CountsOut


class SuggestionOut(Schema):
    type: str
    id: int
    title: str
    url: str | None


class AutocompleteOut(Schema):
    results: list[SuggestionOut]


Errors = dict[str, list[str]]


def _unavailable(error):
    return Status(503, {"detail": [str(error)]})


def _text(request, name, errors, required=False):
    value = request.GET.get(name, "").strip()
    if required and not value:
        errors[name] = [_("This parameter is required.")]
    elif len(value) > MAX_QUERY_LENGTH:
        errors[name] = [_("At most %(max)d characters.") % {"max": MAX_QUERY_LENGTH}]
    return value


def _integer(raw, name, errors, minimum=0, maximum=None):
    try:
        value = int(raw)
    except (TypeError, ValueError):
        errors.setdefault(name, []).append(_("Enter a whole number."))
        return None
    if value < minimum or (maximum is not None and value > maximum):
        errors.setdefault(name, []).append(
            _("Enter a number between %(min)d and %(max)d.")
            % {"min": minimum, "max": maximum if maximum is not None else value}
        )
        return None
    return value


def _values(request, name):
    """Repeated or comma-separated values of a parameter."""
    values = []
    for raw in request.GET.getlist(name):
        values.extend(part.strip() for part in raw.split(",") if part.strip())
    return values


def _parse(request):
    errors = {}
    unknown = sorted(set(request.GET) - set(SEARCH_PARAMETERS))
    for name in unknown:
        errors[name] = [_("Unknown parameter.")]
    query = _text(request, "q", errors, required=True)
    types = _values(request, "type")
    bad_types = [t for t in types if t not in search_service.RESULT_TYPES]
    if bad_types:
        errors["type"] = [
            _("Unknown type: %(value)s. Choose among %(choices)s.")
            % {"value": t, "choices": ", ".join(search_service.RESULT_TYPES)}
            for t in bad_types
        ]
    statuses = _values(request, "status")
    bad_statuses = [s for s in statuses if s not in EventStatus.values]
    if bad_statuses:
        errors["status"] = [_("Unknown status: %(value)s.") % {"value": s} for s in bad_statuses]
    years = [_integer(y, "year", errors, 1900, 2999) for y in _values(request, "year")]
    cycle = request.GET.get("cycle")
    cycle = _integer(cycle, "cycle", errors, 1) if cycle else None
    limit = _integer(request.GET.get("limit", 20), "limit", errors, 1, search_service.MAX_LIMIT)
    offset = _integer(request.GET.get("offset", 0), "offset", errors, 0)
    filters = search_service.Filters(
        themes=_values(request, "theme"),
        audiences=_values(request, "audience"),
        formats=_values(request, "format"),
        regions=_values(request, "region"),
        departments=_values(request, "department"),
        years=[y for y in years if y is not None],
        statuses=statuses,
        cycle=cycle,
    )
    return errors, query, types, filters, limit, offset


def _page_url(request, offset):
    params = request.GET.copy()
    params["offset"] = str(offset)
    return request.build_absolute_uri(request.path) + "?" + urlencode(params, doseq=True)


def _hit_out(request, hit):
    item = hit.object
    data = {
        "type": hit.type,
        "id": item.pk,
        "title": hit.title,
        "url": None,
        "score": hit.score,
        "snippet": hit.snippet,
        "highlight": str(hit.highlight),
    }
    if hit.type in ("event", "cycle"):
        data["url"] = item.get_full_url(request)
    if hit.type == "event":
        data.update(
            start=item.local_start,
            end=item.local_end,
            timezone=item.timezone,
            status=item.status,
        )
    if hit.type == "speaker":
        data.update(job_title=item.job_title, affiliation=item.affiliation or "")
    return data


@router.get(
    "/search",
    response={200: SearchOut, 400: Errors, 503: Errors},
    summary="Search events, cycles and speakers",
)
def search(request):
    """Full-text search with filters (``theme``, ``audience``, ``format``, ``region``,
    ``department``, ``year``, ``status``, ``cycle``, ``locale``; repeat a parameter
    or separate values with commas), facets and ``limit``/``offset`` pagination
    (``limit`` at most 50). ``type`` narrows the results to ``event``, ``cycle``
    or ``speaker``. ``snippet`` is plain text; ``highlight`` is HTML with the
    matching words in ``<mark>``."""
    errors, query, types, filters, limit, offset = _parse(request)
    if errors:
        return Status(400, errors)
    try:
        results = search_service.search(
            query,
            filters=filters,
            types=types or None,
            language_code=request.GET.get("locale") or None,
            limit=limit,
            offset=offset,
        )
    except search_service.SearchUnavailable as error:
        return _unavailable(error)
    next_url = _page_url(request, offset + limit) if offset + limit < results.count else None
    previous_url = _page_url(request, max(0, offset - limit)) if offset > 0 else None
    return Status(
        200,
        {
            "count": results.count,
            "next": next_url,
            "previous": previous_url,
            "results": [_hit_out(request, hit) for hit in results.hits],
            "facets": results.facets,
            "counts": results.counts,
        },
    )


@router.get(
    "/autocomplete",
    response={200: AutocompleteOut, 400: Errors, 503: Errors},
    summary="Suggest event titles and speaker names",
)
def autocomplete(request):
    """Event titles and speaker names beginning with the words typed in ``q``."""
    errors = {}
    for name in sorted(set(request.GET) - {"q", "locale", "limit"}):
        errors[name] = [_("Unknown parameter.")]
    query = _text(request, "q", errors, required=True)
    limit = _integer(request.GET.get("limit", 10), "limit", errors, 1, search_service.MAX_LIMIT)
    if errors:
        return Status(400, errors)
    try:
        suggestions = search_service.autocomplete(
            query, language_code=request.GET.get("locale") or None, limit=limit
        )
    except search_service.SearchUnavailable as error:
        return _unavailable(error)
    return Status(
        200,
        {
            "results": [
                {
                    "type": hit.type,
                    "id": hit.object.pk,
                    "title": hit.title,
                    "url": hit.object.get_full_url(request) if hit.type == "event" else None,
                }
                for hit in suggestions
            ]
        },
    )
