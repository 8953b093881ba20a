"""Site search: events, cycles and speakers through the configured Wagtail search backend.

Filters and facets run inside the backend (SQLite FTS5, PostgreSQL, Elasticsearch,
OpenSearch) on the ``FilterField`` entries of the page models (:mod:`.querysets`,
:mod:`.facets`). Only live pages outside any view restriction are searched; the
indexed text itself never holds restricted sessions' details (see
:mod:`wagtail_rencontres.services.search_text`), nor do snippets (:mod:`.snippets`).
Hits take their title, URL, dates and venue from the representation
(:mod:`.engine`).
"""

from wagtail_rencontres.services.search.autocompletion import autocomplete
from wagtail_rencontres.services.search.engine import (
    MAX_LIMIT,
    RESULT_TYPES,
    Hit,
    SearchResults,
    SearchUnavailable,
    search,
)
from wagtail_rencontres.services.search.facets import FACETS, empty_facets, event_facets
from wagtail_rencontres.services.search.querysets import (
    YEAR_TIMEZONE,
    Filters,
    cycle_queryset,
    event_queryset,
    speaker_queryset,
)
from wagtail_rencontres.services.search.snippets import SNIPPET_LENGTH, snippet

__all__ = [
    "FACETS",
    "MAX_LIMIT",
    "RESULT_TYPES",
    "SNIPPET_LENGTH",
    "YEAR_TIMEZONE",
    "Filters",
    "Hit",
    "SearchResults",
    "SearchUnavailable",
    "autocomplete",
    "cycle_queryset",
    "empty_facets",
    "event_facets",
    "event_queryset",
    "search",
    "snippet",
    "speaker_queryset",
]
