"""A speaker's public page, served by an agenda at ``intervenants/<id>/``.

Only speakers of public sessions of visible events have one
(:func:`~wagtail_rencontres.services.queries.public_speakers`): a speaker
listed only in a draft, a private page or a restricted session gets a 404,
as in the API. The page lists the speaker's events below the agenda.
"""

from django.http import Http404
from django.template.response import TemplateResponse

from wagtail_rencontres import conf
from wagtail_rencontres.services import i18n, queries, representation
from wagtail_rencontres.services.speaker_pages import SEGMENT

TEMPLATE = "wagtail_rencontres/pages/speaker_page.html"


def speaker_id_of(path_components):
    """The speaker id in ``["intervenants", "<id>"]``, or ``None`` for another path."""
    if len(path_components) != 2 or path_components[0] != SEGMENT:
        return None
    value = path_components[1]
    # A bounded number: a huge one is no speaker, not a database error.
    return int(value) if value.isdigit() and len(value) <= 12 else None


def speaker_page(agenda, request, speaker_id):
    """The speaker's page: who they are, and their events below ``agenda``."""
    speaker = queries.public_speakers().filter(pk=speaker_id).first()
    if speaker is None:
        raise Http404
    speaker = i18n.localized(speaker, agenda.locale_id)
    representation.prepare_speakers([speaker])
    events = list(
        queries.events_of_speaker(speaker)
        .filter(pk__in=agenda.get_events().values("pk"))
        .select_related("venue__locale")
        .order_by("-start", "-pk")
    )
    context = {
        "page": agenda,
        "self": agenda,
        "request": request,
        "speaker": representation.speaker(speaker),
        "cards": representation.event_cards(events, request),
        "rencontres_base_template": conf.get_setting("BASE_TEMPLATE"),
    }
    return TemplateResponse(request, TEMPLATE, context)
