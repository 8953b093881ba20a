"""Registration mails: built in the registrant's language, delivered, failures recorded.

:func:`send_registration_mail` is the django-tasks task that sends one
queued mail (see :mod:`.outbox`); it delegates to :func:`deliver`. A delivery
that fails for a reason that may pass (the SMTP server is down, times out or
answers a temporary 4xx) is tried again by the task worker itself, later and
later (:data:`RETRY_DELAYS`), on task backends that can defer a task (the
database backend of django-tasks); the admin's "retry" stays for the rest.
"""

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from wagtail_rencontres import conf
from wagtail_rencontres.enums import MailKind, MailStatus, RegistrationStatus
from wagtail_rencontres.models.registration import RegistrationMail
from wagtail_rencontres.services import capacity, ical, queries, serializers
from wagtail_rencontres.services.attendance import codes
from wagtail_rencontres.services.registration import tokens

logger = logging.getLogger("wagtail_rencontres.registration")

#: Mails that carry the event in an ICS attachment: the registrant has a place.
ICS_KINDS = (MailKind.CONFIRMED, MailKind.APPROVED, MailKind.PROMOTED)

#: Waits before the automatic 2nd, 3rd, 4th and 5th attempts; then the mail stays failed.
RETRY_DELAYS = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=10),
    dt.timedelta(hours=1),
    dt.timedelta(hours=6),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1

#: The check-in QR code attached to the mails of ``ICS_KINDS``.
QR_FILENAME = "checkin-qr.png"


def build_message(mail):
    """The EmailMultiAlternatives of a RegistrationMail, in its registrant's language.

    What it says of the event or cycle comes from the one representation
    (:func:`~wagtail_rencontres.services.serializers.mail_context`): the page's
    translation in the registrant's language where one is live, its venue in
    that language, its public URL; the ICS attachment carries the same page.
    """
    registration = mail.registration
    page = registration.page.specific
    language = registration.language or settings.LANGUAGE_CODE
    shown = serializers.mail_context(page, language)
    with translation.override(language):
        has_place = registration.status in RegistrationStatus.seat_holding()
        context = {
            "kind": mail.kind,
            "registration": registration,
            "event": shown,
            "status_label": registration.get_status_display(),
            "self_service_url": tokens.self_service_url(registration, page),
            "checkin_code": codes.checkin_code(registration) if has_place else "",
        }
        subject = " ".join(
            render_to_string("wagtail_rencontres/emails/registration_subject.txt", context).split()
        )
        body = render_to_string("wagtail_rencontres/emails/registration_body.txt", context)
        events = calendar_events(shown["page"]) if mail.kind in ICS_KINDS and has_place else []
        attachment = (
            ical.events_calendar(events, name=shown["title"], method="PUBLISH") if events else None
        )
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=conf.get_setting("REGISTRATION_FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )
    if attachment:
        message.attach("event.ics", attachment, "text/calendar; charset=utf-8")
    if has_place and mail.kind in ICS_KINDS:
        message.attach(QR_FILENAME, codes.qr_png(registration), "image/png")
    return message


def calendar_events(page):
    """What a registrant's calendar receives: the event, or a cycle's published, public sessions.

    Draft and privately viewable sessions never appear.
    """
    if capacity.is_cycle(page):
        return list(queries.cycle_sessions(page))
    return [page]


def deliver(mail_id):
    """Send the mail; on failure record the error and schedule a retry. Returns the status."""
    mail = RegistrationMail.objects.select_related("registration").get(pk=mail_id)
    if mail.status == MailStatus.SENT:
        return mail.status
    mail.attempts += 1
    if not mail.registration.email:  # anonymised meanwhile
        mail.status = MailStatus.FAILED
        mail.error = "No address: the registration was anonymised."
        mail.save(update_fields=["attempts", "status", "error"])
        return mail.status
    try:
        build_message(mail).send()
    except Exception as error:  # noqa: BLE001 - any delivery failure is recorded, never raised
        logger.warning(
            "Registration mail %s failed (attempt %s): %s", mail.pk, mail.attempts, error
        )
        mail.status = MailStatus.FAILED
        mail.error = f"{type(error).__name__}: {error}"[:2000]
        mail.save(update_fields=["attempts", "status", "error"])
        if not is_permanent(error):
            schedule_retry(mail)
        return mail.status
    mail.status = MailStatus.SENT
    mail.error = ""
    mail.sent_at = timezone.now()
    mail.save(update_fields=["attempts", "status", "error", "sent_at"])
    return mail.status


def is_permanent(error):
    """Whether trying again cannot help: the server refused the address or the message (5xx)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def schedule_retry(mail):
    """Queue the next attempt after its delay; False when attempts are spent or cannot be deferred.

    Backends that run tasks at once (the immediate backend) cannot wait: the
    mail then stays failed until an admin retries it.
    """
    if mail.attempts >= MAX_ATTEMPTS:
        logger.error(
            "Registration mail %s failed %s times: left to the admin", mail.pk, mail.attempts
        )
        return False
    task = send_registration_mail
    if not task.get_backend().supports_defer:
        return False
    run_after = timezone.now() + RETRY_DELAYS[mail.attempts - 1]
    try:
        task.using(run_after=run_after).enqueue(mail.pk)
    except Exception:  # the mail stays failed, visible and retryable in the admin
        logger.exception("Could not schedule a retry of registration mail %s", mail.pk)
        return False
    return True


@task()
def send_registration_mail(mail_id):
    """Send one queued registration mail; a failure is recorded on the mail and retried later."""
    return deliver(mail_id)
