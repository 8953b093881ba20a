"""One ordering of mixed events, cycles and speakers.

Hits are ranked first by where they hold the query, whatever their type:

1. the **title** (an event's or a cycle's title, a speaker's name) holds every word;
2. the **text** does (an event's or cycle's other text, a speaker's biography);
3. only a speaker's **job title** or organisation does.

Within a tier, hits are ranked by their score relative to the best hit of
their type; an upcoming event's (one not yet ended) is multiplied by
:data:`UPCOMING_BOOST`, so that it passes a past event holding the query as
well. The tiers use the words of the query without French stop words, each
matching a word of the text that begins with its light stem, as highlights do
(:mod:`.snippets`).
"""

from django.utils import timezone

from wagtail_rencontres.services.search.snippets import matches, query_stems
from wagtail_rencontres.services.search_text import plain
from wagtail_rencontres.text import FRENCH_STOP_WORDS, fold

TITLE, TEXT, JOB_TITLE = 0, 1, 2
#: How much an upcoming event's relevance is multiplied by, within its tier.
UPCOMING_BOOST = 2.0


def _stems(query):
    stems = query_stems(query)
    return [stem for stem in stems if stem not in FRENCH_STOP_WORDS] or stems


def _holds(text, stems):
    """Whether every stem begins a word of ``text``."""
    words = fold(text or "").lower().split()
    return bool(stems) and all(any(matches(word, [stem]) for word in words) for stem in stems)


def tier(result_type, item, stems):
    """:data:`TITLE`, :data:`TEXT` or :data:`JOB_TITLE`: where ``item`` holds the query."""
    if result_type == "speaker":
        if _holds(item.full_name, stems):
            return TITLE
        return TEXT if _holds(plain(item.bio), stems) else JOB_TITLE
    return TITLE if _holds(item.title, stems) else TEXT


def _boost(result_type, item, now):
    if result_type == "event" and item.end and item.end >= now:
        return UPCOMING_BOOST
    return 1.0


def rank(lists, query, result_types):
    """``[(type, object, relevance)]`` of the hits of ``lists`` (by type), in one ordering.

    ``relevance`` is the score relative to the best hit of the same type, in (0, 1].
    """
    stems = _stems(query)
    now = timezone.now()
    ranked = []
    for position, result_type in enumerate(result_types):
        items = lists.get(result_type) or []
        best = getattr(items[0], "_score", None) if items else None
        for rank_in_type, item in enumerate(items):
            relevance = _relevance(getattr(item, "_score", None), best)
            key = (
                tier(result_type, item, stems),
                -relevance * _boost(result_type, item, now),
                rank_in_type,
                position,
            )
            ranked.append((key, result_type, item, relevance))
    ranked.sort(key=lambda entry: entry[0])
    return [(result_type, item, relevance) for _key, result_type, item, relevance in ranked]


def _relevance(score, best):
    """Score relative to the best of its list, in (0, 1], whatever the sign convention."""
    if score is None or not best:
        return 0.0
    return float(score) / float(best)
