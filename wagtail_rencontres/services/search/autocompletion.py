"""Autocompletion: events and speakers holding every word typed so far.

Through the configured Wagtail search backend, as :mod:`.engine` searches;
suggestions name their object as its representation does.
"""

import logging

from wagtail_rencontres.services import representation, speaker_pages
from wagtail_rencontres.services.search.engine import (
    MAX_LIMIT,
    Hit,
    SearchUnavailable,
    current_backend,
    is_search_server,
    matching,
    unavailable_errors,
    unavailable_message,
)
from wagtail_rencontres.services.search.querysets import (
    Filters,
    backend_values,
    event_queryset,
    one_per_item,
    speaker_queryset,
)
from wagtail_rencontres.text import autocomplete_words, fold

logger = logging.getLogger("wagtail_rencontres.services.search")


#: The search fields that hold what autocompletion finds each type by.
AUTOCOMPLETE_WHOLE_WORD_FIELDS = {
    "event": ["title", "search_speaker_text", "search_place_text", "search_taxonomy_text"],
    "speaker": ["first_name", "last_name"],
}


def _with_whole_words(queryset, words, backend, fields):
    """``queryset`` kept, on a search server, to what holds every word of ``words`` whole.

    A search server autocompletes every typed word on its edge n-grams, so
    "discrim embauche" would find "discriminations à l'embauche". The words
    before the last are matched whole (French stemming still applies) with a
    plain search of ``fields``; the engine then completes the last word among
    those objects only. The database backends already read the words so.
    """
    if not words or not is_search_server(backend):
        return queryset
    ids, _exact = matching(queryset, " ".join(words), backend, fields=fields)
    return queryset.filter(id__in=backend_values(ids))


def autocomplete(query, language_code=None, limit=10, request=None, preferred_language=None):
    """Events and speakers holding every word typed so far, the last one as a prefix.

    Events are found by their title, their speakers' names, their venue's
    city and their themes; speakers by their names. Stop words ("de", "la")
    are left out of the query (:func:`~wagtail_rencontres.text.autocomplete_words`).
    ``language_code`` and ``preferred_language`` work as for :func:`search`.
    """
    query = autocomplete_words(query)
    if not query:
        return []
    limit = max(1, min(int(limit), MAX_LIMIT))
    events_in = event_queryset(Filters(), language_code)
    speakers_in = speaker_queryset(language_code)
    if not language_code and preferred_language:
        events_in = one_per_item(events_in, preferred_language)
        speakers_in = one_per_item(speakers_in, preferred_language)
    backend = current_backend()
    whole_words = query.split()[:-1]
    # Some backends fold accents on one side only (Elasticsearch folds its edge
    # n-grams but not the typed text, PostgreSQL's "simple" configuration keeps
    # them): ask with the typed and the folded text, keeping the first answers.
    texts = [query] if fold(query) == query else [query, fold(query)]
    events, speakers = {}, {}
    try:
        events_in = _with_whole_words(
            events_in, whole_words, backend, AUTOCOMPLETE_WHOLE_WORD_FIELDS["event"]
        )
        speakers_in = _with_whole_words(
            speakers_in, whole_words, backend, AUTOCOMPLETE_WHOLE_WORD_FIELDS["speaker"]
        )
        for text in texts:
            event_results = backend.autocomplete(text, events_in, operator="and")
            for event in event_results[:limit]:
                events.setdefault(event.pk, event)
            for speaker in backend.autocomplete(text, speakers_in, operator="and")[:limit]:
                speakers.setdefault(speaker.pk, speaker)
    except unavailable_errors() as error:
        logger.warning("Search backend unavailable: %s", error)
        raise SearchUnavailable(unavailable_message()) from error
    suggestions = [
        Hit(
            type="event",
            object=event,
            score=0.0,
            title=event.title,
            url=representation.page_url(event, request),
        )
        for event in events.values()
    ]
    speaker_urls = speaker_pages.page_urls(speakers.values(), request)
    suggestions += [
        Hit(type="speaker", object=s, score=0.0, title=s.full_name, url=speaker_urls.get(s.pk))
        for s in speakers.values()
    ]
    return suggestions[:limit]
