"""Survey mails: to the registrants checked in, once each, with a link scoped to one of them."""

import pytest
from django.core import mail
from django.core.management import call_command

from wagtail_rencontres.models import SurveyInvitation
from wagtail_rencontres.services import survey

pytestmark = pytest.mark.django_db


def test_send_due_mails_only_the_present_registrants(ended_event):
    event, registrations = ended_event(present=2, absent=1)
    assert survey.send_due() == {event.pk: 2}
    assert sorted(message.to[0] for message in mail.outbox) == [
        "camille1@example.org",
        "camille2@example.org",
    ]
    invited = SurveyInvitation.objects.filter(event_id=event.pk)
    assert sorted(invited.values_list("registration_id", flat=True)) == [
        registrations[0].pk,
        registrations[1].pk,
    ]


def test_command_twice_mails_each_registrant_once(ended_event):
    ended_event(present=2, absent=0)
    call_command("rencontres_send_surveys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("rencontres_send_surveys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2


def test_a_registrant_checked_in_later_is_mailed_on_the_next_run(ended_event):
    from django.utils import timezone

    from tests.survey.conftest import FUTURE_DAY
    from wagtail_rencontres.models import Attendance

    event, registrations = ended_event(present=1, absent=1)
    survey.send_due()
    Attendance.objects.create(
        registration=registrations[1], event=event, day=FUTURE_DAY, checked_in_at=timezone.now()
    )
    assert survey.send_due() == {event.pk: 1}
    assert [message.to[0] for message in mail.outbox] == [
        "camille1@example.org",
        "camille2@example.org",
    ]


def test_an_event_not_ended_sends_nothing(open_event, register):
    from tests.survey.conftest import add_questions

    event = open_event()
    register(event, 1)
    add_questions(event)
    assert survey.send_due() == {}
    assert mail.outbox == []


def test_an_event_without_questions_sends_nothing(ended_event):
    event, _registrations = ended_event()
    event.survey_questions.all().delete()
    assert survey.send_due() == {}


def test_a_failed_delivery_is_tried_again_on_the_next_run(ended_event, settings):
    ended_event(present=1, absent=0)
    settings.EMAIL_BACKEND = "tests.survey.test_invitations.FailingBackend"
    assert list(survey.send_due().values()) == [0]
    assert SurveyInvitation.objects.get().sent_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert list(survey.send_due().values()) == [1]


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP down")


def test_the_mail_is_in_the_registrants_language_with_a_link_to_the_survey(ended_event):
    event, registrations = ended_event(present=1, absent=0)
    registrations[0].language = "fr"
    registrations[0].save()
    survey.send_due()
    message = mail.outbox[0]
    assert message.subject == f"Votre avis sur : {event.title}"
    link = next(line for line in message.body.splitlines() if "/survey/" in line)
    invitation = SurveyInvitation.objects.get()
    assert link == survey.survey_url(invitation, event)
    assert survey.unsign_token(link.rstrip("/").rsplit("/", 1)[1]) == invitation.token


def test_a_forged_token_unsigns_to_none():
    assert survey.unsign_token("not-a-token") is None
    assert survey.unsign_token("") is None
