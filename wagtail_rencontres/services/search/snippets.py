"""Snippets and highlights of hits.

They are built here rather than by the backend, so that every backend returns
them and only public text can ever appear in them (see
:mod:`wagtail_rencontres.services.search_text`).
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail_rencontres.services import search_text
from wagtail_rencontres.services.search_text import plain
from wagtail_rencontres.text import fold

SNIPPET_LENGTH = 180

_WORD = re.compile(r"\w+", re.UNICODE)


def query_stems(query):
    stems = []
    for term in _WORD.findall(fold(query).lower()):
        if len(term) < 2:
            continue
        # A light stem, close to what the French analysers do: plural and
        # feminine endings do not prevent a highlight.
        stems.append(term[: max(4, len(term) - 2)] if len(term) > 5 else term)
    return stems


def matches(word, stems):
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
    stems = query_stems(query)
    words = list(_WORD.finditer(text))
    first = next((m for m in words if matches(m.group(), stems)), None)
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
        if matches(match.group(), stems):
            pieces.append(escape(excerpt[last : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    pieces.append(escape(excerpt[last:]))
    return (
        f"{prefix}{excerpt}{suffix}",
        mark_safe(prefix + "".join(pieces) + suffix),  # noqa: S308 - every piece is escaped
    )


def event_text(event):
    """The public text of an event that its snippet is cut from."""
    return " ".join(
        part
        for part in (
            event.subtitle,
            search_text.programme_text(event),
            search_text.place_text(event),
        )
        if part
    )


def cycle_text(cycle):
    """The public text of a cycle that its snippet is cut from."""
    return " ".join(part for part in (cycle.subtitle, plain(cycle.description)) if part)


def speaker_text(speaker):
    """The public text of a speaker that its snippet is cut from."""
    return " ".join(part for part in (speaker.job_title, speaker.affiliation or "") if part)
