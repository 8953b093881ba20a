"""The registration form of an event or cycle: its class, and the audiences it offers."""

from django.db.models import Q

from wagtail_rencontres.forms import RegistrationFormBuilder
from wagtail_rencontres.models.taxonomy import Audience
from wagtail_rencontres.services import capacity, serving
from wagtail_rencontres.services.registration.status import consent_text


def form_class(event, days=None, audiences=None, workshops=True):
    """The registration form class of the event or cycle (a Wagtail FormBuilder form).

    ``days``: the event's programme with its private sessions, when already read.
    ``audiences``: :func:`locale_audiences` of the event, when already read; the
    form then shows them without reading them again. ``workshops=False``: a
    form without the workshops field, which reads no programme, to check a
    submission that chose no workshop (the API's): its checks are the same.
    """
    sessions = capacity.workshop_sessions(event, days) if workshops else {}
    untranslated = _untranslated(event, sessions)
    return RegistrationFormBuilder(
        serving.registration_fields(event),
        event=event,
        workshop_sessions=sessions,
        consent_text=consent_text(event),
        audiences=audience_choices(event, untranslated),
        # An untranslated audience a workshop adds is not in the locale's list.
        listed_audiences=audiences if not untranslated else None,
    ).get_form_class()


def locale_audiences(event):
    """The audiences of the event's locale, by name, with their locale: one query, a list.

    An event page with a form reads them first, and declares them with
    :func:`~wagtail_rencontres.records.known` while it reads its programme:
    restricted sessions then find theirs among them.
    """
    return list(_in_locale(event).select_related("locale"))


def audience_choices(event, untranslated):
    """The audiences a registrant may pick: those of the event's locale.

    A workshop restricted to an audience that has no translation in that locale
    shows the source's audience (see :mod:`~wagtail_rencontres.services.i18n`):
    it is offered too (``untranslated``, their ids), or nobody could register
    to the workshop.
    """
    if not untranslated:
        return _in_locale(event)
    return Audience.objects.filter(Q(locale_id=event.locale_id) | Q(pk__in=untranslated)).order_by(
        "name"
    )


def _in_locale(event):
    return Audience.objects.filter(locale_id=event.locale_id).order_by("name")


def _untranslated(event, sessions):
    """Ids of the audiences the workshops are restricted to that are not in the event's locale."""
    return {
        audience.pk
        for session in sessions.values()
        for audience in session.restricted_audiences
        if audience.locale_id != event.locale_id
    }
