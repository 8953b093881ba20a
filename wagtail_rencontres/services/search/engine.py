"""Running a search or an autocompletion through the configured Wagtail search backend.

When the backend is down, unreachable or frozen (past its ``TIMEOUT``),
:class:`SearchUnavailable` is raised so that views and the API can answer 503
instead of failing with a 500.

On a database backend, one ranked full-text pass per type reads the keys of
the matches, best first: the page of hits, the count and the ids the facets
count come from it (:func:`_ranked_ids`). Past :data:`MAX_MATCHES` matches of
a type, the count and the facets are those of the :data:`MAX_MATCHES` best
and say so (``count_is_exact``); the hits are still ranked among every match.
A search server counts and facets every match itself, in the request that
gives the hits (:mod:`.server`). Either way, an index
that still holds an event the database no longer shows (a missed unpublish
or deletion) adds nothing to them, as it adds no hit.

Hits name their object as its representation does
(:mod:`~wagtail_rencontres.services.representation`): title, URL, dates and
venue in the object's locale, the same as the API and the feeds.
"""

import logging
import re
from dataclasses import dataclass, field
from itertools import islice

from django.db import connection
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Fuzzy, PlainText

from wagtail_rencontres.services import representation, search_text, speaker_pages
from wagtail_rencontres.services.representation import from_iso
from wagtail_rencontres.services.search import ranking, server
from wagtail_rencontres.services.search.facets import empty_facets, event_facets
from wagtail_rencontres.services.search.querysets import (
    Filters,
    cycle_queryset,
    event_queryset,
    one_per_item,
    speaker_queryset,
    with_keys,
)
from wagtail_rencontres.services.search.snippets import (
    cycle_text,
    event_text,
    snippet,
    speaker_text,
)
from wagtail_rencontres.text import FRENCH_STOP_WORDS, fold, french_words

logger = logging.getLogger("wagtail_rencontres.services.search")

RESULT_TYPES = ("event", "cycle", "speaker")
_WORDS = re.compile(r"\w+")
MAX_LIMIT = 50
#: On a database backend, most matches read once as ids for the count and the
#: facets; a search server is asked for at most as many ids by autocompletion
#: (Elasticsearch's default ``index.max_result_window``).
MAX_MATCHES = 10_000
#: Shortest word a search server forgives a typo in (see :func:`fuzzy_query`).
FUZZY_MIN_LENGTH = 5


def unavailable_message():
    return _("The search service is unavailable at the moment. Please try again later.")


class SearchUnavailable(Exception):
    """The search backend could not answer; the message is safe to show."""


def unavailable_errors():
    """Exceptions meaning the search engine is down, unreachable or failing."""
    errors = [ConnectionError, TimeoutError]
    # The clients are optional extras: each is imported only where installed.
    try:
        from elastic_transport import TransportError

        errors.append(TransportError)
    except ImportError:  # pragma: no cover - the client is an optional extra
        pass
    try:
        from elasticsearch import ApiError  # optional extra, see above

        errors.append(ApiError)
    except ImportError:  # pragma: no cover
        pass
    try:
        from opensearchpy.exceptions import OpenSearchException  # optional extra, see above

        errors.append(OpenSearchException)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


@dataclass
class Hit:
    """One result: its object, and how its representation names it."""

    type: str
    object: object
    score: float
    title: str
    snippet: str = ""
    highlight: str = ""
    url: str | None = None  # events, cycles, and speakers' pages
    # The object's core representation (event_core, cycle_core or speaker_core).
    data: dict = field(default_factory=dict)

    @property
    def start(self):
        """An event's start, in its timezone."""
        return from_iso(self.data.get("start"), self.data.get("timezone"))

    @property
    def end(self):
        """An event's end, in its timezone."""
        return from_iso(self.data.get("end"), self.data.get("timezone"))

    @property
    def venue(self):
        """An event's venue representation, in the event's locale."""
        return self.data.get("venue")


@dataclass
class SearchResults:
    count: int
    hits: list
    facets: dict
    counts: dict
    # True when no result held every word, and these hold some of them.
    partial: bool = False
    # False when a type had more than MAX_MATCHES matches: its count is then
    # MAX_MATCHES, and the facets count those.
    count_is_exact: bool = True

    @property
    def notice(self):
        """What to tell the reader about these results (empty: nothing)."""
        return _("Results for some of the words") if self.partial else ""


def current_backend():
    return get_search_backend()


def backend_query(query, backend):
    """``query`` as ``backend`` should receive it.

    SQLite's FTS5 has no French analysis: there, the query is normalised as
    the indexed ``search_french_words`` are (:func:`~wagtail_rencontres.text.french_words`),
    so that "femme" finds "femmes" and "l'égalité" finds "égalité".
    """
    if ".database." in type(backend).__module__ and connection.vendor == "sqlite":
        return french_words(query) or query
    return query


def is_search_server(backend):
    """Whether ``backend`` is Elasticsearch or OpenSearch rather than the database."""
    return ".database." not in type(backend).__module__


def fuzzy_query(query):
    """``query`` forgiving typos on a search server, or None when it has no word to forgive.

    Every word is still required; each of :data:`FUZZY_MIN_LENGTH` letters or
    more matches within Elasticsearch's ``AUTO`` edit distance (one edit up to
    five letters, two beyond), so "politque" finds "politique". Shorter words
    must match as typed, and stop words are left out: the French analyser
    drops them, which would make a required clause match nothing.
    """
    words = [w for w in _WORDS.findall(query) if fold(w).lower() not in FRENCH_STOP_WORDS]
    if not any(len(word) >= FUZZY_MIN_LENGTH for word in words):
        return None
    parts = [Fuzzy(w) if len(w) >= FUZZY_MIN_LENGTH else PlainText(w) for w in words]
    return And(parts) if len(parts) > 1 else parts[0]


def _scored(queryset, query, backend, operator):
    """The backend's results for ``query`` in ``queryset``, ranked, their score as ``_score``."""
    query = backend_query(query, backend)
    return backend.search(query, queryset, operator=operator).annotate_score("_score")


def _search(queryset, query, limit, backend, operator="and"):
    return list(_scored(queryset, query, backend, operator)[:limit])


def _ranked_ids(queryset, query, stop, backend, operator):
    """On a database backend, ``{pk: score}`` of the first ``stop`` matches, best first.

    One full-text pass gives the page of hits, the count and the ids the facets
    count: the text is matched and ranked once, and only keys and scores are
    read. ``None`` on a search server.
    """
    results = _scored(queryset, query, backend, operator)[:stop]
    if not hasattr(results, "get_queryset"):
        return None
    found = results.get_queryset()
    if "_score" in found.query.annotations:
        rows = found.values_list("pk", "_score")
    else:  # a backend without ranking: no score, the backend's order
        rows = ((pk, None) for pk in found.values_list("pk", flat=True))
    ranked = {}
    for pk, score in rows:
        ranked.setdefault(pk, score)  # a filter on several themes can repeat a page
    return ranked


def _objects(queryset, ranked):
    """The objects of ``ranked`` (``[(pk, score)]``) from ``queryset``, in that order, scored."""
    by_pk = {item.pk: item for item in with_keys(queryset, [pk for pk, _score in ranked])}
    items = []
    for pk, score in ranked:
        if pk in by_pk:
            by_pk[pk]._score = score
            items.append(by_pk[pk])
    return items


def matching(queryset, query, backend, operator="and", fields=None):
    """The ids of the objects of ``queryset`` the backend matches for ``query``: ``(ids, exact)``.

    The hits are drawn from ``queryset`` too (every backend fetches its hits
    through it), so counting and faceting these ids can never count what the
    hits leave out: a search server's ids are kept to those ``queryset``
    holds. At most :data:`MAX_MATCHES` are read, once: database backends
    search the tables themselves, a search server gives the ids it holds.
    ``exact`` is False when the backend matched more (the list then holds the
    first :data:`MAX_MATCHES` it gave), so that counting and faceting never
    run the full-text search again, however large the index. ``fields``
    limits the search to these search fields.
    """
    query = backend_query(query, backend)
    results = backend.search(
        query, queryset, fields=fields, operator=operator, order_by_relevance=False
    )
    if hasattr(results, "get_queryset"):  # a database backend
        found = queryset.filter(pk__in=results.get_queryset().values("pk"))
        ids = list(found.order_by().values_list("pk", flat=True)[: MAX_MATCHES + 1])
        return ids[:MAX_MATCHES], len(ids) <= MAX_MATCHES
    response = results._backend_do_search(
        results._get_es_body(),
        index=backend.get_index_for_model(queryset.model).name,
        size=MAX_MATCHES,
        _source=False,
        **{results.fields_param_name: "pk"},
    )
    found = [hit["fields"]["pk"][0] for hit in response["hits"]["hits"]]
    # Elasticsearch and OpenSearch count exactly up to 10,000 matches, then
    # say "at least" ("gte").
    total = response["hits"].get("total")
    more = total["relation"] != "eq" or total["value"] > len(found) if total else False
    ids = list(with_keys(queryset, found).order_by().values_list("pk", flat=True))
    return ids, not more


def search(
    query,
    filters=None,
    types=None,
    language_code=None,
    limit=20,
    offset=0,
    request=None,
    preferred_language=None,
):
    """Search events, cycles and speakers; return counts, a page of hits and facets.

    ``types`` narrows the result types (default: all, or events only when an
    event-only filter is given). Mixed results are ranked in one ordering
    (:mod:`.ranking`): title matches first, then text, then job titles.
    ``request`` gives the site of the hits' URLs.
    ``language_code`` keeps that locale only; else ``preferred_language`` keeps
    one copy of each translated item, the one in that language where it has one.
    """
    filters = filters or Filters()
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    wanted = [t for t in (types or RESULT_TYPES) if t in RESULT_TYPES]
    if filters.events_only:
        wanted = [t for t in wanted if t == "event"]
    elif filters.any:
        wanted = [t for t in wanted if t != "speaker"]
    backend = current_backend()
    window = offset + limit
    querysets = {
        "event": lambda: event_queryset(filters, language_code),
        "cycle": lambda: cycle_queryset(filters, language_code),
        "speaker": lambda: speaker_queryset(language_code),
    }
    if not language_code and preferred_language:
        querysets = {
            name: (lambda make=make: one_per_item(make(), preferred_language))
            for name, make in querysets.items()
        }
    querysets = {name: querysets[name] for name in wanted}
    try:
        lists, counts, facets, exact = _find(querysets, query, window, backend, "and")
        forgiving = fuzzy_query(query) if is_search_server(backend) else None
        if forgiving is not None and not any(counts.values()):
            lists, counts, facets, exact = _find(querysets, forgiving, window, backend, "and")
        # No result holds every word: results holding some of them, the most first.
        partial = not any(counts.values()) and len(_WORDS.findall(query)) > 1
        if partial:
            lists, counts, facets, exact = _find(querysets, query, window, backend, "or")
            partial = any(counts.values())
    except unavailable_errors() as error:
        logger.warning("Search backend unavailable: %s", error)
        raise SearchUnavailable(unavailable_message()) from error

    page = ranking.rank(lists, query, RESULT_TYPES)[offset : offset + limit]
    return SearchResults(
        count=sum(counts.values()),
        hits=_hits(page, query, request),
        facets=facets or empty_facets(),
        counts={t: counts.get(t, 0) for t in RESULT_TYPES},
        partial=partial,
        count_is_exact=exact,
    )


def _find(querysets, query, window, backend, operator):
    """``(lists, counts, facets, exact)`` of ``query`` in each queryset of ``querysets``;
    ``exact`` is False when a type had more than :data:`MAX_MATCHES` matches."""
    lists, counts, facets, exact = {}, {}, {}, True
    for result_type, make in querysets.items():
        queryset = make()
        if is_search_server(backend):
            # One request: a page of hits, the exact count and the facets (:mod:`.server`).
            wants_facets = result_type == "event"
            try:
                lists[result_type], counts[result_type], found = server.find(
                    queryset, query, window, backend, operator, facets=wants_facets
                )
            except server.Untranslatable:
                pass  # the database path below
            else:
                if wants_facets:
                    facets = server.facets_of(found)
                continue
        ranked = _ranked_ids(queryset, query, max(window, MAX_MATCHES + 1), backend, operator)
        if ranked is None:  # a search server's fallback: the hits, then the ids
            lists[result_type] = _search(queryset, query, window, backend, operator)
            ids, all_of_them = matching(queryset, query, backend, operator)
        else:
            lists[result_type] = _objects(queryset, list(islice(ranked.items(), window)))
            ids, all_of_them = list(islice(ranked, MAX_MATCHES)), len(ranked) <= MAX_MATCHES
        counts[result_type] = len(ids)
        exact = exact and all_of_them
        if result_type == "event":
            facets = event_facets(ids, queryset.model)
    return lists, counts, facets, exact


def _hits(page, query, request):
    """Hits of ``(type, object, relevance)`` entries, their objects represented in one batch."""
    of_type = {
        result_type: [item for kind, item, _relevance in page if kind == result_type]
        for result_type in RESULT_TYPES
    }
    representation.prepare_events(of_type["event"])
    # Snippets are cut from the programme's text: its speakers are not read.
    search_text.prepare(of_type["event"], speakers=False)
    representation.prepare_pages(of_type["cycle"])
    representation.prepare_speakers(of_type["speaker"], photos=False)
    speaker_urls = speaker_pages.page_urls(of_type["speaker"], request)
    hits = []
    for result_type, item, relevance in page:
        if result_type == "event":
            data, text = representation.event_core(item, request), event_text(item)
        elif result_type == "cycle":
            data, text = representation.cycle_core(item, request), cycle_text(item)
        else:
            data, text = representation.speaker_core(item), speaker_text(item)
        excerpt, highlight = snippet(text, query)
        hits.append(
            Hit(
                type=result_type,
                object=item,
                score=round(relevance, 4),
                title=data["full_name"] if result_type == "speaker" else data["title"],
                snippet=excerpt,
                highlight=highlight,
                # A speaker's representation has no page: theirs is below an agenda.
                url=speaker_urls.get(item.pk) if result_type == "speaker" else data.get("url"),
                data=data,
            )
        )
    return hits
