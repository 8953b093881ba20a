"""Registration mails survive an SMTP server that is down: the task worker retries them.

A real SMTP conversation: nothing listens on the port at first (connection
refused), then an aiosmtpd server starts there. Tasks go to the database
backend of django-tasks and are run as its worker runs them.
"""

import datetime as dt
import smtplib

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.registration.test_mails import Recorder
from tests.tasks import DATABASE_TASKS, run_ready_tasks, time_passes
from wagtail_rencontres.enums import MailStatus, RegistrationStatus
from wagtail_rencontres.models import Registration, RegistrationMail
from wagtail_rencontres.services.registration import mails

pytestmark = pytest.mark.django_db

SEND = "send_registration_mail"

SMTP_PORT = 18150


@pytest.fixture
def smtp_down(settings):
    """SMTP settings pointing at a port where no server listens yet; ``start()`` starts one."""
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = SMTP_PORT
    settings.EMAIL_TIMEOUT = 2
    settings.EMAIL_USE_TLS = False
    handler = Recorder()
    controller = Controller(handler, hostname="127.0.0.1", port=SMTP_PORT)
    handler.start = controller.start
    yield handler
    if getattr(controller, "_thread", None) is not None:
        controller.stop()


def test_mail_to_a_down_smtp_server_is_retried_by_the_worker(
    smtp_down, open_event, register, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(open_event())
    assert run_ready_tasks().count(SEND) == 1  # the first attempt: connection refused

    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.CONFIRMED
    mail = RegistrationMail.objects.get(registration=registration)
    assert (mail.status, mail.attempts) == (MailStatus.FAILED, 1)
    assert mail.error.startswith("ConnectionRefusedError")
    retry = DBTaskResult.objects.get(status="READY", task_path__endswith=SEND)
    assert retry.args_kwargs == {"args": [mail.pk], "kwargs": {}}
    expected = timezone.now() + mails.RETRY_DELAYS[0]
    assert abs(retry.run_after - expected) < dt.timedelta(seconds=30)
    assert run_ready_tasks() == []  # not due yet

    smtp_down.start()
    time_passes()
    assert run_ready_tasks().count(SEND) == 1

    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.error) == (MailStatus.SENT, 2, "")
    assert len(smtp_down.messages) == 1
    assert smtp_down.messages[0]["To"] == registration.email
    time_passes()
    assert run_ready_tasks() == []
    assert len(smtp_down.messages) == 1


def test_retries_stop_after_the_last_attempt(
    smtp_down, open_event, register, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(open_event())
    for _attempt in range(mails.MAX_ATTEMPTS):
        assert run_ready_tasks().count(SEND) == 1
        time_passes()
    assert run_ready_tasks() == []
    mail = RegistrationMail.objects.get(registration=registration)
    assert (mail.status, mail.attempts) == (MailStatus.FAILED, mails.MAX_ATTEMPTS)
    assert DBTaskResult.objects.filter(status="READY").count() == 0


def test_a_refused_address_is_not_retried(
    smtp_down, open_event, register, django_capture_on_commit_callbacks
):
    smtp_down.accept = False  # 550 to every recipient
    smtp_down.start()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(open_event())
    assert run_ready_tasks().count(SEND) == 1
    time_passes()
    assert run_ready_tasks() == []
    mail = RegistrationMail.objects.get(registration=registration)
    assert (mail.status, mail.attempts) == (MailStatus.FAILED, 1)
    assert "550" in mail.error


def test_temporary_smtp_answers_are_retried_and_refusals_are_not():
    assert mails.is_permanent(smtplib.SMTPDataError(554, b"Rejected")) is True
    assert mails.is_permanent(smtplib.SMTPDataError(451, b"Try later")) is False
    assert mails.is_permanent(ConnectionRefusedError(111, "Connection refused")) is False
    assert mails.is_permanent(TimeoutError("timed out")) is False
    refused = smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"Mailbox busy")})
    assert mails.is_permanent(refused) is False


def test_without_a_deferring_task_backend_the_mail_waits_for_the_admin(
    settings, smtp_down, open_event, register, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(open_event())
    mail = RegistrationMail.objects.get(registration=registration)
    assert (mail.status, mail.attempts) == (MailStatus.FAILED, 1)
