"""Where speakers' public pages are: ``intervenants/<id>/`` below an agenda.

An agenda serves the page of every public speaker
(:func:`~wagtail_rencontres.services.queries.public_speakers`,
:mod:`wagtail_rencontres.pages.speaker`); links outside an agenda (search
results) point below the first agenda of the speaker's language.
"""

from wagtail_rencontres import conf
from wagtail_rencontres.services import queries, representation

#: The path segment of speaker pages under an agenda.
SEGMENT = "intervenants"


def page_urls(speakers, request=None):
    """``{speaker id: URL}`` of the pages of ``speakers``, public speakers, in one query.

    A speaker's page is below the first live, public agenda (in tree order)
    of the speaker's locale; a locale with no such agenda gives no URL.
    """
    locale_ids = {speaker.locale_id for speaker in speakers}
    if not locale_ids:
        return {}
    agendas = {}
    agenda_pages = queries.live_public(conf.page_model("AgendaPage"))
    for agenda in agenda_pages.filter(locale_id__in=locale_ids).order_by("path"):
        agendas.setdefault(agenda.locale_id, agenda)
    base_urls = {
        locale_id: representation.page_url(agenda, request) for locale_id, agenda in agendas.items()
    }
    return {
        speaker.pk: f"{base_urls[speaker.locale_id]}{SEGMENT}/{speaker.pk}/"
        for speaker in speakers
        if speaker.locale_id in base_urls
    }
