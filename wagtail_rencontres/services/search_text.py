"""Text that event and cycle pages give to the search index.

Only what the public page shows is indexed: a restricted programme session
contributes its title, never its description, room or speakers (the same rule
as :func:`wagtail_rencontres.services.programme.days` in public mode).

Every backend receives an accent-folded copy of the text as well
(:func:`fold`), so that "egalite" finds "égalité" even where the backend's
own analysis keeps accents (PostgreSQL's ``french`` configuration does).
"""

import functools
import html
import re

from django.utils import translation
from django.utils.html import strip_tags

from wagtail_rencontres import conf
from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.services import programme
from wagtail_rencontres.services.representation.values import stream_items
from wagtail_rencontres.text import fold, french_words


def plain(value):
    """Plain text of a string, a ``RichText`` value or HTML."""
    if value is None:
        return ""
    source = getattr(value, "source", value)
    return html.unescape(strip_tags(str(source))).strip()


def _join(parts):
    return " ".join(part for part in (plain(p) for p in parts) if part)


DAYS = "_rencontres_search_days"
#: The public programme's outline with descriptions, where only its text is needed.
OUTLINE = "_rencontres_search_outline"
TEXTS = "_rencontres_search_texts"


def once_per_page(function):
    """Compute ``function(page)`` once per page instance.

    The search backends ask for each text once per kind of index field (title,
    body, autocomplete…), and the folded copy repeats every text.
    """

    @functools.wraps(function)
    def wrapper(page):
        texts = page.__dict__.setdefault(TEXTS, {})
        if function.__name__ not in texts:
            texts[function.__name__] = function(page)
        return texts[function.__name__]

    return wrapper


def public_days(event, speakers=True):
    """The programme in public mode, computed once per page instance.

    ``speakers=False`` is enough for its text (:func:`programme_text`): the
    stored programme is then read as an outline with its descriptions,
    without converting its blocks or reading its speakers, unless the full
    programme is already there.
    """
    cached = event.__dict__.get(DAYS)
    if cached is None and not speakers:
        cached = event.__dict__.get(OUTLINE)
        if cached is None:
            outline = programme.outlines_bulk([event], descriptions=True)[event.pk]
            cached = event.__dict__[OUTLINE] = outline
    if cached is None:
        cached = programme.days(event)
        event.__dict__[DAYS] = cached
    return cached


def prepare(events, speakers=True):
    """Compute the public programmes of many events at once, for the functions below.

    ``speakers=False`` reads only their text (titles, and the descriptions of
    sessions open to all), from the stored data without converting the
    blocks: what search snippets are cut from.
    """
    by_pk = {event.pk: event for event in events}
    if speakers:
        read, key = programme.days_bulk(events), DAYS
    else:
        read, key = programme.outlines_bulk(events, descriptions=True), OUTLINE
    for pk, days in read.items():
        by_pk[pk].__dict__[key] = days


def _public_speakers(event):
    return programme.speakers(public_days(event))


@once_per_page
def programme_text(event):
    """Day titles, session titles, and descriptions of sessions open to all."""
    parts = []
    for day in public_days(event, speakers=False):
        parts.append(day.title)
        for session in day.sessions:
            parts.append(session.title)
            if not session.restricted:
                parts.append(session.description)
    return _join(parts)


@once_per_page
def speaker_names(event):
    """Full names of the speakers of sessions open to all."""
    return _join(speaker.full_name for speaker in _public_speakers(event))


@once_per_page
def autocomplete_text(event):
    """What autocompletion finds an event by besides its title and speakers: its city and themes."""
    venue = event.localized_venue
    parts = [venue.city] if venue is not None else []
    parts.extend(theme.name for theme in event.localized_themes)
    return _join(parts)


@once_per_page
def speaker_text(event):
    """Names, roles and organisations of the speakers of sessions open to all."""
    parts = []
    for speaker in _public_speakers(event):
        parts.extend([speaker.full_name, speaker.job_title, speaker.affiliation])
        if speaker.organisation_id and speaker.organisation.acronym:
            parts.append(speaker.organisation.name)
    return _join(parts)


@once_per_page
def place_text(event):
    """The venue's name and city, in the event's locale where translated."""
    venue = event.localized_venue
    if venue is None:
        return ""
    return _join([venue.name, venue.city])


@once_per_page
def partner_text(page):
    """Every partner as the page shows it: name, acronym, role and details, in the page's locale.

    Organisers, co-organisers, partners and co-funders alike: "FSE" finds the
    events the European Social Fund co-funds.
    """
    parts = []
    with translation.override(page.locale.language_code):
        for link in page.localized_partners:
            organisation = link.organisation_display
            role = PartnerRole(link.role).label if link.role in PartnerRole.values else ""
            parts.extend([organisation.name, organisation.acronym, str(role), link.details])
    return _join(parts)


@once_per_page
def about_text(page):
    """What the page says besides its body: audience, objectives, funding, documents' titles.

    Events have all four, cycles the funding statement and documents; the
    documents' titles are those the page lists (:func:`.representation.values.stream_items`).
    """
    parts = [plain(getattr(page, "audience_text", ""))]
    parts.extend(str(block.value) for block in getattr(page, "objectives", None) or [])
    parts.append(page.funding_statement)
    parts.extend(item["title"] for item in stream_items(page.documents))
    return _join(parts)


@once_per_page
def taxonomy_text(page):
    """Names of the themes, audiences and, for events, the format, in the page's locale."""
    parts = [theme.name for theme in page.localized_themes]
    parts.extend(audience.name for audience in page.localized_audiences)
    event_format = getattr(page, "localized_format", None)
    if event_format is not None:
        parts.append(event_format.name)
    return _join(parts)


def _stream_text(page, field_name):
    field = type(page)._meta.get_field(field_name)
    return _join(field.get_searchable_content(getattr(page, field_name)))


def _pattern(phrase):
    """A regular expression finding ``phrase`` as whole words (acronyms as written)."""
    words = r"\s+".join(re.escape(word) for word in phrase.split())
    return re.compile(rf"\b{words}\b", 0 if phrase.isupper() else re.IGNORECASE)


def synonyms(text, folded=None):
    """Members of the ``SEARCH_SYNONYMS`` groups that ``text`` names through another member.

    Acronyms (in capitals) are looked for in ``text`` as written, other members
    in its folded copy (``folded``, computed when not given), whatever their case.
    """
    folded = fold(text) if folded is None else folded
    found = []
    for group in conf.get_setting("SEARCH_SYNONYMS"):
        held = [
            member
            for member in group
            if _pattern(member if member.isupper() else fold(member)).search(
                text if member.isupper() else folded
            )
        ]
        if held:
            found.extend(member for member in group if member not in held)
    return " ".join(found)


def _folded_with_synonyms(text):
    # The text is folded once: for the synonyms, then as the indexed copy.
    folded = fold(text)
    return f"{folded} {fold(synonyms(text, folded))}".strip()


@once_per_page
def french_event_words(event):
    """:func:`~wagtail_rencontres.text.french_words` of :func:`folded_event_text`."""
    return french_words(folded_event_text(event))


@once_per_page
def folded_event_text(event):
    """Accent-folded copy of every indexed text of an event, with synonyms (:func:`synonyms`)."""
    return _folded_with_synonyms(
        _join(
            [
                event.title,
                event.subtitle,
                _stream_text(event, "body"),
                programme_text(event),
                speaker_text(event),
                place_text(event),
                partner_text(event),
                about_text(event),
                taxonomy_text(event),
            ]
        )
    )


@once_per_page
def french_cycle_words(cycle):
    """:func:`~wagtail_rencontres.text.french_words` of :func:`folded_cycle_text`."""
    return french_words(folded_cycle_text(cycle))


@once_per_page
def folded_cycle_text(cycle):
    """Accent-folded copy of every indexed text of a cycle, with synonyms (:func:`synonyms`)."""
    return _folded_with_synonyms(
        _join(
            [
                cycle.title,
                cycle.subtitle,
                cycle.description,
                partner_text(cycle),
                about_text(cycle),
                taxonomy_text(cycle),
            ]
        )
    )
