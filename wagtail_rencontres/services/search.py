"""Site search: events, cycles and speakers through the configured Wagtail search backend.

Filters and facets run inside the backend (SQLite FTS5, PostgreSQL, Elasticsearch,
OpenSearch) on the ``FilterField`` entries of the page models. Only live pages
outside any view restriction are searched; the indexed text itself never holds
restricted sessions' details (see :mod:`.search_text`).

When the backend is down or unreachable, :class:`SearchUnavailable` is raised so
that views and the API can answer 503 instead of failing with a 500.
"""

import datetime as dt
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.apps import apps
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from wagtail_rencontres import conf
from wagtail_rencontres.services import dates, i18n, queries
from wagtail_rencontres.services.search_text import fold, plain

logger = logging.getLogger(__name__)

RESULT_TYPES = ("event", "cycle", "speaker")
FACETS = ("themes", "formats", "regions", "years")
MAX_LIMIT = 50
SNIPPET_LENGTH = 180
# Facets and years are counted in this timezone, the one of most events.
YEAR_TIMEZONE = "Europe/Paris"


def _unavailable_message():
    return _("The search service is unavailable at the moment. Please try again later.")


class SearchUnavailable(Exception):
    """The search backend could not answer; the message is safe to show."""


def _unavailable_errors():
    """Exceptions meaning the search engine is down, unreachable or failing."""
    errors = [ConnectionError, TimeoutError]
    try:
        from elastic_transport import TransportError

        errors.append(TransportError)
    except ImportError:  # pragma: no cover - the client is an optional extra
        pass
    try:
        from elasticsearch import ApiError

        errors.append(ApiError)
    except ImportError:  # pragma: no cover
        pass
    try:
        from opensearchpy.exceptions import OpenSearchException

        errors.append(OpenSearchException)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


@dataclass
class Filters:
    """Narrowing of a search. Empty values mean "no filter"."""

    themes: list = field(default_factory=list)  # theme slugs
    audiences: list = field(default_factory=list)  # audience slugs
    formats: list = field(default_factory=list)  # event format slugs
    regions: list = field(default_factory=list)  # region names, as on venues
    departments: list = field(default_factory=list)  # département codes
    years: list = field(default_factory=list)  # years of the start, in Paris time
    statuses: list = field(default_factory=list)
    cycle: int | None = None  # id of a cycle page
    starts_after: dt.datetime | None = None
    ends_after: dt.datetime | None = None

    @property
    def events_only(self):
        """Whether a filter only makes sense on events (cycles and speakers drop out)."""
        return bool(
            self.formats
            or self.regions
            or self.departments
            or self.years
            or self.statuses
            or self.cycle
            or self.starts_after
            or self.ends_after
        )

    @property
    def any(self):
        return self.events_only or bool(self.themes or self.audiences)


@dataclass
class Hit:
    type: str
    object: object
    score: float
    title: str
    snippet: str = ""
    highlight: str = ""


@dataclass
class SearchResults:
    count: int
    hits: list
    facets: dict
    counts: dict


def _model(name):
    return apps.get_model("wagtail_rencontres", name)


def _backend():
    return get_search_backend()


def _locale_id(language_code):
    if not language_code:
        return None
    return (
        Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first()
        or -1
    )


def _year_bounds(year):
    tz = ZoneInfo(YEAR_TIMEZONE)
    return (
        dt.datetime(year, 1, 1, tzinfo=tz),
        dt.datetime(year + 1, 1, 1, tzinfo=tz),
    )


def _page_queryset(model_name, filters, language_code):
    """Live, public pages of ``model_name`` in the locale, narrowed by themes and audiences."""
    queryset = conf.page_model(model_name).objects.live().public()
    locale_id = _locale_id(language_code)
    if locale_id is not None:
        queryset = queryset.filter(locale=locale_id)
    if filters.themes:
        queryset = queryset.filter(themes__slug__in=filters.themes)
    if filters.audiences:
        queryset = queryset.filter(audiences__slug__in=filters.audiences)
    return queryset


def event_queryset(filters, language_code=None):
    """Visible events narrowed by ``filters``, every filter on a ``FilterField``."""
    from django.db.models import Q

    queryset = _page_queryset("EventPage", filters, language_code)
    if filters.formats:
        format_ids = list(
            _model("EventFormat")
            .objects.filter(slug__in=filters.formats)
            .values_list("pk", flat=True)
        )
        queryset = queryset.filter(format__in=format_ids or [0])
    if filters.regions:
        queryset = queryset.filter(venue__region__in=filters.regions)
    if filters.departments:
        queryset = queryset.filter(venue__department_code__in=filters.departments)
    if filters.years:
        years = Q()
        for year in filters.years:
            first, after = _year_bounds(year)
            years |= Q(start__gte=first, start__lt=after)
        queryset = queryset.filter(years)
    if filters.statuses:
        queryset = queryset.filter(status__in=filters.statuses)
    if filters.cycle:
        # Cycle membership is edited on the cycle, so it is read fresh from the
        # database and passed to the backend as ids.
        event_ids = list(
            queries.cycle_session_model()
            .objects.filter(cycle_id=filters.cycle)
            .values_list("event_id", flat=True)
        )
        queryset = queryset.filter(id__in=event_ids or [0])
    if filters.starts_after:
        queryset = queryset.filter(start__gte=filters.starts_after)
    if filters.ends_after:
        queryset = queryset.filter(end__gte=filters.ends_after)
    return queryset


def cycle_queryset(filters, language_code=None):
    return _page_queryset("CyclePage", filters, language_code)


def speaker_queryset(language_code=None):
    queryset = _model("Speaker").objects.all()
    locale_id = _locale_id(language_code)
    if locale_id is not None:
        queryset = queryset.filter(locale_id=locale_id)
    return queryset


# Snippets and highlights are built here rather than by the backend, so that
# every backend returns them and only public text can ever appear in them.

_WORD = re.compile(r"\w+", re.UNICODE)


def _query_stems(query):
    stems = []
    for term in _WORD.findall(fold(query).lower()):
        if len(term) < 2:
            continue
        # A light stem, close to what the French analysers do: plural and
        # feminine endings do not prevent a highlight.
        stems.append(term[: max(4, len(term) - 2)] if len(term) > 5 else term)
    return stems


def _matches(word, stems):
    folded = fold(word).lower()
    return any(folded.startswith(stem) for stem in stems)


def snippet(text, query, length=SNIPPET_LENGTH):
    """``(snippet, highlight)`` of ``text`` around the first word matching ``query``.

    ``snippet`` is plain text; ``highlight`` is the same text, HTML-escaped,
    with matching words in ``<mark>``.
    """
    text = " ".join(plain(text).split())
    if not text:
        return "", ""
    stems = _query_stems(query)
    words = list(_WORD.finditer(text))
    first = next((m for m in words if _matches(m.group(), stems)), None)
    start = 0
    if first is not None and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    excerpt = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    pieces, last = [], 0
    for match in _WORD.finditer(excerpt):
        if _matches(match.group(), stems):
            pieces.append(escape(excerpt[last : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    pieces.append(escape(excerpt[last:]))
    return (
        f"{prefix}{excerpt}{suffix}",
        mark_safe(prefix + "".join(pieces) + suffix),  # noqa: S308 - every piece is escaped
    )


def _event_text(event):
    from wagtail_rencontres.services import search_text

    return " ".join(
        part
        for part in (
            event.subtitle,
            search_text.programme_text(event),
            search_text.place_text(event),
        )
        if part
    )


def _cycle_text(cycle):
    return " ".join(part for part in (cycle.subtitle, plain(cycle.description)) if part)


def _speaker_text(speaker):
    return " ".join(part for part in (speaker.job_title, speaker.affiliation or "") if part)


def _relevance(score, best):
    """Score relative to the best of its list, in (0, 1], whatever the sign convention."""
    if score is None or not best:
        return 0.0
    return float(score) / float(best)


def _search(queryset, query, limit, backend):
    results = backend.search(query, queryset, operator="and").annotate_score("_score")
    return results, list(results[:limit])


def search(query, filters=None, types=None, language_code=None, limit=20, offset=0):
    """Search events, cycles and speakers; return counts, a page of hits and facets.

    ``types`` narrows the result types (default: all, or events only when an
    event-only filter is given). Mixed results are ranked by their score
    relative to the best hit of their type.
    """
    filters = filters or Filters()
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    wanted = [t for t in (types or RESULT_TYPES) if t in RESULT_TYPES]
    if filters.events_only:
        wanted = [t for t in wanted if t == "event"]
    elif filters.any:
        wanted = [t for t in wanted if t != "speaker"]
    backend = _backend()
    window = offset + limit
    try:
        lists, counts, facets = {}, {}, {}
        if "event" in wanted:
            results, hits = _search(event_queryset(filters, language_code), query, window, backend)
            counts["event"] = results.count()
            lists["event"] = hits
            facets = event_facets(results)
        if "cycle" in wanted:
            results, hits = _search(cycle_queryset(filters, language_code), query, window, backend)
            counts["cycle"] = results.count()
            lists["cycle"] = hits
        if "speaker" in wanted:
            results, hits = _search(speaker_queryset(language_code), query, window, backend)
            counts["speaker"] = results.count()
            lists["speaker"] = hits
    except _unavailable_errors() as error:
        logger.warning("Search backend unavailable: %s", error)
        raise SearchUnavailable(_unavailable_message()) from error

    ranked = []
    for position, result_type in enumerate(RESULT_TYPES):
        items = lists.get(result_type) or []
        best = getattr(items[0], "_score", None) if items else None
        for rank, item in enumerate(items):
            relevance = _relevance(getattr(item, "_score", None), best)
            ranked.append((-relevance, rank, position, result_type, item))
    ranked.sort(key=lambda entry: entry[:3])
    page = ranked[offset : offset + limit]
    _prefetch([entry[4] for entry in page if entry[3] == "event"])
    hits = [_hit(result_type, item, query, -neg) for neg, _, _, result_type, item in page]
    return SearchResults(
        count=sum(counts.values()),
        hits=hits,
        facets=facets or empty_facets(),
        counts={t: counts.get(t, 0) for t in RESULT_TYPES},
    )


def _prefetch(events):
    from django.db.models import prefetch_related_objects

    if events:
        prefetch_related_objects(events, "venue", "partners__organisation")
        # Hits show the venue in the event's locale, like the page: one batch.
        i18n.localize_event_choices(events)


def _hit(result_type, item, query, relevance):
    if result_type == "event":
        text, title = _event_text(item), item.title
    elif result_type == "cycle":
        text, title = _cycle_text(item), item.title
    else:
        text, title = _speaker_text(item), item.full_name
    excerpt, highlight = snippet(text, query)
    return Hit(
        type=result_type,
        object=item,
        score=round(relevance, 4),
        title=title,
        snippet=excerpt,
        highlight=highlight,
    )


def autocomplete(query, language_code=None, limit=10):
    """Event titles and speaker names starting with what was typed so far."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    backend = _backend()
    # Some backends fold accents on one side only (Elasticsearch folds its edge
    # n-grams but not the typed text, PostgreSQL's "simple" configuration keeps
    # them): ask with the typed and the folded text, keeping the first answers.
    texts = [query] if fold(query) == query else [query, fold(query)]
    events, speakers = {}, {}
    try:
        for text in texts:
            event_results = backend.autocomplete(text, event_queryset(Filters(), language_code))
            for event in event_results[:limit]:
                events.setdefault(event.pk, event)
            for speaker in backend.autocomplete(text, speaker_queryset(language_code))[:limit]:
                speakers.setdefault(speaker.pk, speaker)
    except _unavailable_errors() as error:
        logger.warning("Search backend unavailable: %s", error)
        raise SearchUnavailable(_unavailable_message()) from error
    suggestions = [Hit(type="event", object=e, score=0.0, title=e.title) for e in events.values()]
    suggestions += [
        Hit(type="speaker", object=s, score=0.0, title=s.full_name) for s in speakers.values()
    ]
    return suggestions[:limit]


# Facets


def empty_facets():
    return {name: [] for name in FACETS}


def _raw_facet(results, field_name):
    """``{value: count}`` of a ``FilterField`` over the results, counted by the backend.

    Elasticsearch and OpenSearch get a terms aggregation without the 10-bucket
    default of ``SearchResults.facet()``.
    """
    if hasattr(results, "_backend_do_search"):
        compiler = results.query_compiler
        search_field = compiler._get_filterable_field(field_name)
        body = results._get_es_body(for_count=True)
        body["aggregations"] = {
            "facet": {
                "terms": {
                    "field": compiler.mapping.get_field_column_name(search_field),
                    "size": 500,
                }
            }
        }
        response = results._backend_do_search(
            body,
            index=results.backend.get_index_for_model(compiler.queryset.model).name,
            size=0,
        )
        return OrderedDict(
            (bucket["key"], bucket["doc_count"])
            for bucket in response["aggregations"]["facet"]["buckets"]
        )
    return results.facet(field_name)


def _as_datetime(value):
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, int | float):  # epoch milliseconds from a terms aggregation
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC)
    return dt.datetime.fromisoformat(str(value))


def _sorted(items):
    return sorted(items, key=lambda item: (-item["count"], fold(str(item["label"])).lower()))


def event_facets(results):
    """Themes, formats, regions and years of the matching events, with counts."""
    theme_counts = {k: v for k, v in _raw_facet(results, "themes").items() if k}
    themes = _model("Theme").objects.filter(pk__in=theme_counts).only("pk", "slug", "name")
    format_counts = {k: v for k, v in _raw_facet(results, "format_id").items() if k}
    formats = _model("EventFormat").objects.filter(pk__in=format_counts).only("pk", "slug", "name")
    venue_counts = {k: v for k, v in _raw_facet(results, "venue_id").items() if k}
    regions = {}
    for venue_id, region in (
        _model("Venue").objects.filter(pk__in=venue_counts).values_list("pk", "region")
    ):
        if region:
            regions[region] = regions.get(region, 0) + venue_counts[venue_id]
    years = {}
    for start, count in _raw_facet(results, "start").items():
        if start is None:
            continue
        year = dates.to_local(_as_datetime(start), YEAR_TIMEZONE).year
        years[year] = years.get(year, 0) + count
    return {
        "themes": _sorted(
            {"value": t.slug, "label": t.name, "count": theme_counts[t.pk]} for t in themes
        ),
        "formats": _sorted(
            {"value": f.slug, "label": f.name, "count": format_counts[f.pk]} for f in formats
        ),
        "regions": _sorted(
            {"value": name, "label": name, "count": count} for name, count in regions.items()
        ),
        "years": sorted(
            ({"value": year, "label": str(year), "count": count} for year, count in years.items()),
            key=lambda item: -item["value"],
        ),
    }
