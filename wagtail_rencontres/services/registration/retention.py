"""Personal data of registrations: erased on request, anonymised after the retention period.

Counts by status survive: an anonymised registration keeps its status and
its place in the counts, without a name, an address or answers.
"""

import datetime as dt
import logging
import uuid

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from wagtail_rencontres import conf
from wagtail_rencontres.models.registration import Registration, RegistrationMail
from wagtail_rencontres.models.survey import SurveyInvitation
from wagtail_rencontres.services import queries
from wagtail_rencontres.services.registration import workflow

logger = logging.getLogger("wagtail_rencontres.registration")

PERSONAL_FIELDS = ("first_name", "last_name", "email", "organisation", "function")


def anonymise(registration):
    """Erase a registration's personal data, keeping its status for the counts."""
    for name in PERSONAL_FIELDS:
        setattr(registration, name, "")
    registration.form_data = {}
    registration.idempotency_key = ""
    registration.request_fingerprint = ""
    registration.token = uuid.uuid4()
    registration.anonymised_at = timezone.now()
    registration.save()
    registration.mails.update(error="")
    # The survey links die with the data; the anonymous answers stay.
    registration.survey_invitations.all().delete()


def erase(registration):
    """The registrant's own erasure: cancel (freeing the place), then anonymise."""
    with transaction.atomic():
        workflow.cancel(registration)
        registration.refresh_from_db()
        # The cancellation mail would have no address left: it is not sent.
        registration.mails.filter(status="queued").delete()
        anonymise(registration)


def anonymise_expired(now=None, days=None):
    """Anonymise registrations of events that ended more than ``days`` days ago.

    A cycle's registrations go when its last session ended that long ago.
    Returns ``{page_id: number anonymised}``. Counts by status are kept.
    """
    now = now or timezone.now()
    days = conf.get_setting("REGISTRATION_RETENTION_DAYS") if days is None else days
    cutoff = now - dt.timedelta(days=days)
    ended_cycles = (
        queries.cycle_model()
        .objects.annotate(last_end=Max("sessions__event__end"))
        .filter(last_end__lt=cutoff)
        .values("pk")
    )
    expired = Registration.objects.filter(
        Q(page_id__in=queries.event_model().objects.filter(end__lt=cutoff).values("pk"))
        | Q(page_id__in=ended_cycles),
        anonymised_at__isnull=True,
    )
    per_event = {}
    for page_id in expired.values_list("page_id", flat=True):
        per_event[page_id] = per_event.get(page_id, 0) + 1
    with transaction.atomic():
        RegistrationMail.objects.filter(registration__in=expired).update(error="")
        SurveyInvitation.objects.filter(registration__in=expired).delete()
        expired.update(
            anonymised_at=now,
            form_data={},
            idempotency_key="",
            request_fingerprint="",
            **dict.fromkeys(PERSONAL_FIELDS, ""),
        )
    _log_anonymisation(per_event)
    return per_event


def _log_anonymisation(per_event):
    """Record each event's anonymisation in the logs and in Wagtail's page history."""
    pages = Page.objects.in_bulk(per_event.keys())
    for page_id, count in sorted(per_event.items()):
        logger.info("Anonymised %s registrations of event %s", count, page_id)
        if page_id in pages:
            log(
                instance=pages[page_id],
                action="wagtail_rencontres.registrations_anonymised",
                data={"count": count},
            )
