"""An event that ended, with survey questions, registrants and who was checked in."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone, translation

from tests.registration.conftest import (  # noqa: F401 - fixtures used by name
    FUTURE_DAY,
    clear_cache,
    open_event,
    person,
    register,
)
from wagtail_rencontres.models import Attendance, SurveyQuestion


def shown(text, plural=None, count=None):
    """``text`` as the site shows it: in its default language (French, or English on the host)."""
    with translation.override(settings.LANGUAGE_CODE):
        if plural:
            return translation.ngettext(text, plural, count) % {"counter": count}
        return translation.gettext(text)


def add_questions(event):
    """A 1–5 scale, a choice and a free text."""
    return [
        SurveyQuestion.objects.create(
            page=event, label="Note globale", field_type="radio", choices="1,2,3,4,5"
        ),
        SurveyQuestion.objects.create(
            page=event, label="Format préféré", field_type="dropdown", choices="Présentiel,Visio"
        ),
        SurveyQuestion.objects.create(
            page=event, label="Commentaires", field_type="multiline", required=False
        ),
    ]


@pytest.fixture
def ended_event(open_event, register):  # noqa: F811 - the imported fixtures
    """ended_event(present=2, absent=1): an event that ended yesterday, with its questions.

    Registrants 1…present were checked in; the others were not.
    """

    def make(present=2, absent=1):
        event = open_event()
        registrations = [register(event, n) for n in range(1, present + absent + 1)]
        for registration in registrations[:present]:
            Attendance.objects.create(
                registration=registration,
                event=event,
                day=FUTURE_DAY,
                checked_in_at=timezone.now(),
            )
        add_questions(event)
        yesterday = timezone.now() - dt.timedelta(days=1)
        type(event).objects.filter(pk=event.pk).update(
            start=yesterday - dt.timedelta(hours=8), end=yesterday
        )
        event.refresh_from_db()
        return event, registrations

    return make
