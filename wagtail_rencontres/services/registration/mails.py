"""Registration mails: built in the registrant's language, delivered, failures recorded.

:func:`send_registration_mail` is the django-tasks task that sends one
queued mail (see :mod:`.outbox`); it delegates to :func:`deliver`.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from wagtail_rencontres import conf
from wagtail_rencontres.enums import MailKind, MailStatus, RegistrationStatus
from wagtail_rencontres.models.registration import RegistrationMail
from wagtail_rencontres.services import capacity, ical, queries, serializers
from wagtail_rencontres.services.registration import tokens

logger = logging.getLogger("wagtail_rencontres.registration")

#: Mails that carry the event in an ICS attachment: the registrant has a place.
ICS_KINDS = (MailKind.CONFIRMED, MailKind.APPROVED, MailKind.PROMOTED)


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
    return message


def calendar_events(page):
    """What a registrant's calendar receives: the event, or a cycle's published, public sessions.

    Draft and privately viewable sessions never appear.
    """
    if capacity.is_cycle(page):
        return list(queries.cycle_sessions(page))
    return [page]


def deliver(mail_id):
    """Send the mail; on failure record the error and keep it for a retry. Returns the status."""
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
        logger.warning("Registration mail %s failed: %s", mail.pk, error)
        mail.status = MailStatus.FAILED
        mail.error = f"{type(error).__name__}: {error}"[:2000]
        mail.save(update_fields=["attempts", "status", "error"])
        return mail.status
    mail.status = MailStatus.SENT
    mail.error = ""
    mail.sent_at = timezone.now()
    mail.save(update_fields=["attempts", "status", "error", "sent_at"])
    return mail.status


@task()
def send_registration_mail(mail_id):
    """Send one queued registration mail; a failure is recorded on the mail, not raised."""
    return deliver(mail_id)
