"""Survey invitations: a single-use signed link per present registrant, mailed once.

:func:`send_due` is what the ``send_surveys`` command runs (from cron): the
survey follows the end of an event, a moment no request and no task marks.
"""

import base64
import logging
import uuid

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail_rencontres import conf
from wagtail_rencontres.models.registration import Registration
from wagtail_rencontres.models.survey import SurveyInvitation
from wagtail_rencontres.relations.models import SurveyQuestion
from wagtail_rencontres.services import queries, serializers
from wagtail_rencontres.services.registration import tokens

logger = logging.getLogger("wagtail_rencontres.survey")

SIGNING_SALT = "wagtail_rencontres.survey"


def signed_token(invitation):
    """The secret of a survey link (base64 again: page routes accept only ``[\\w-]``)."""
    signed = signing.dumps(str(invitation.token), salt=SIGNING_SALT, compress=False)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def unsign_token(value):
    """The invitation token inside a survey link, or ``None`` when forged."""
    try:
        signed = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        return uuid.UUID(signing.loads(signed, salt=SIGNING_SALT))
    except (signing.BadSignature, ValueError):
        return None


def survey_url(invitation, event):
    """The absolute address of the survey an invitation opens."""
    return event.get_full_url() + event.reverse_subpage(
        "survey", kwargs={"token": signed_token(invitation)}
    ).lstrip("/")


def due_events(now=None):
    """Live events that ended, still within their links' lifetime, that have survey questions."""
    now = now or timezone.now()
    with_questions = SurveyQuestion.objects.values("page_id")
    events = queries.event_model().objects.live().filter(end__lt=now, pk__in=with_questions)
    return [event for event in events if not tokens.link_expired(event, now)]


def invite(event):
    """Create the missing invitations of ``event``: one per registrant checked in at it."""
    present = (
        Registration.objects.filter(attendances__event_id=event.pk, anonymised_at__isnull=True)
        .exclude(email="")
        .values_list("pk", flat=True)
        .distinct()
    )
    SurveyInvitation.objects.bulk_create(
        [SurveyInvitation(registration_id=pk, event_id=event.pk) for pk in present],
        ignore_conflicts=True,
    )


def send_pending(event):
    """Mail each invitation of ``event`` not mailed yet; returns how many were sent.

    Each one is claimed by a conditional update first, so that two runs at once
    never mail a registrant twice; a failed delivery is released for the next run.
    """
    sent = 0
    pending = SurveyInvitation.objects.filter(event_id=event.pk, sent_at__isnull=True, used=False)
    for invitation in pending.select_related("registration"):
        claimed = SurveyInvitation.objects.filter(pk=invitation.pk, sent_at__isnull=True)
        if not claimed.update(sent_at=timezone.now()):
            continue
        try:
            build_message(invitation, event).send()
        except Exception:  # noqa: BLE001 - any backend error: the next run tries again
            logger.exception("Survey mail of invitation %s failed", invitation.pk)
            SurveyInvitation.objects.filter(pk=invitation.pk).update(sent_at=None)
        else:
            sent += 1
    return sent


def send_for(event):
    """Invite the present registrants of ``event`` and mail those not mailed yet."""
    invite(event)
    return send_pending(event)


def send_due(now=None):
    """Send the surveys of every due event; returns ``{event_id: mails sent}``."""
    return {event.pk: send_for(event) for event in due_events(now)}


def build_message(invitation, event):
    """The survey mail of an invitation, in its registrant's language."""
    registration = invitation.registration
    language = registration.language or settings.LANGUAGE_CODE
    shown = serializers.mail_context(event, language)
    with translation.override(language):
        context = {
            "registration": registration,
            "event": shown,
            "survey_url": survey_url(invitation, event),
        }
        subject = " ".join(
            render_to_string("wagtail_rencontres/emails/survey_subject.txt", context).split()
        )
        body = render_to_string("wagtail_rencontres/emails/survey_body.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=conf.get_setting("REGISTRATION_FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )
