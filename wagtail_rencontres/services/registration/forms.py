"""The registration form of an event or cycle: its class, and the audiences it offers."""

from django.db.models import Q

from wagtail_rencontres.forms import RegistrationFormBuilder
from wagtail_rencontres.models.taxonomy import Audience
from wagtail_rencontres.services import capacity, serving
from wagtail_rencontres.services.registration.status import consent_text


def form_class(event, days=None):
    """The registration form class of the event or cycle (a Wagtail FormBuilder form).

    ``days``: the event's programme with its private sessions, when already read.
    """
    sessions = capacity.workshop_sessions(event, days)
    return RegistrationFormBuilder(
        serving.registration_fields(event),
        event=event,
        workshop_sessions=sessions,
        consent_text=consent_text(event),
        audiences=audience_choices(event, sessions),
    ).get_form_class()


def audience_choices(event, sessions):
    """The audiences a registrant may pick: those of the event's locale.

    A workshop restricted to an audience that has no translation in that locale
    shows the source's audience (see :mod:`~wagtail_rencontres.services.i18n`):
    it is offered too, or nobody could register to the workshop.
    """
    untranslated = {
        audience.pk
        for session in sessions.values()
        for audience in session.restricted_audiences
        if audience.locale_id != event.locale_id
    }
    return Audience.objects.filter(Q(locale_id=event.locale_id) | Q(pk__in=untranslated)).order_by(
        "name"
    )
