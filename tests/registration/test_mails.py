"""Registration mails: content, ICS, language, and real SMTP delivery and failure.

Delivery tests talk SMTP to an aiosmtpd server on loopback; the rest use locmem.
"""

import email
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from wagtail_rencontres.enums import MailStatus, RegistrationStatus
from wagtail_rencontres.models import Registration, RegistrationMail
from wagtail_rencontres.services import registration as service

pytestmark = pytest.mark.django_db


class Recorder:
    """An SMTP handler that accepts or refuses every recipient."""

    def __init__(self):
        self.accept = True
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if not self.accept:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    handler = Recorder()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 5
    settings.EMAIL_USE_TLS = False
    yield handler
    controller.stop()


def test_confirmation_delivered_over_smtp_with_ics(
    smtp, open_event, register, django_capture_on_commit_callbacks
):
    event = open_event(title="Forum des quartiers")
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event)
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["To"] == "camille1@example.org"
    parts = {part.get_content_type(): part for part in message.walk()}
    calendar = Calendar.from_ical(parts["text/calendar"].get_payload(decode=True))
    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["UID"]) == f"{event.uuid}@wagtail-rencontres"
    assert str(vevent["SUMMARY"]) == "Forum des quartiers"
    assert vevent["DTSTART"].dt == event.start
    assert len(calendar.walk("VTIMEZONE")) == 1
    body = parts["text/plain"].get_payload(decode=True).decode()
    assert service.self_service_url(registration).split("/registration/")[0] in body
    assert RegistrationMail.objects.get(registration=registration).status == MailStatus.SENT


def test_smtp_failure_keeps_the_registration_and_is_retryable(
    smtp, open_event, register, django_capture_on_commit_callbacks, client, admin_user
):
    smtp.accept = False
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(open_event())
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    failed = RegistrationMail.objects.get(registration=registration)
    assert (failed.status, failed.attempts) == (MailStatus.FAILED, 1)
    assert "550" in failed.error
    assert smtp.messages == []

    client.force_login(admin_user)
    listing = client.get(
        reverse("wagtail_rencontres_registrations:list", args=[registration.page_id])
    )
    assert list(listing.context["failed_mails"]) == [failed]

    smtp.accept = True
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_rencontres_registrations:action", args=[registration.page_id]),
            {"action": "retry_mails"},
        )
    assert response.status_code == 302
    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.error) == (MailStatus.SENT, 2, "")
    assert len(smtp.messages) == 1


def test_smtp_server_down_is_recorded(
    settings, open_event, register, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nothing listens there
    settings.EMAIL_TIMEOUT = 2
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(open_event())
    failed = RegistrationMail.objects.get(registration=registration)
    assert failed.status == MailStatus.FAILED
    assert failed.error.startswith("ConnectionRefusedError")
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_mail_is_sent_after_commit_only(open_event, register, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        register(open_event())
    assert (bool(callbacks), len(mail.outbox)) == (True, 0)
    for callback in callbacks:  # the mail's, and the change stamp's (places left)
        callback()
    assert len(mail.outbox) == 1


def test_mail_in_the_registrants_language(open_event, register, django_capture_on_commit_callbacks):
    from django.utils import translation

    from wagtail_rencontres.services import formatting

    event = open_event()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        registration = register(event)
    assert registration.language == "en"
    with translation.override("en"):
        english_day = formatting.format_day(event.local_start)
    with translation.override("fr"):
        french_day = formatting.format_day(event.local_start)
    assert english_day != french_day
    assert english_day in mail.outbox[0].body


def test_waitlisted_mail_has_no_ics(open_event, register, django_capture_on_commit_callbacks):
    event = open_event(registration_capacity=1)
    register(event, 1)
    with django_capture_on_commit_callbacks(execute=True):
        register(event, 2)
    assert mail.outbox[-1].attachments == []
