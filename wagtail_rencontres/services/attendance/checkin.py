"""Checking registrants in and out of an event, day by day, and registering walk-ins.

An event's check-in list holds the registrations with a place at the event
(:func:`~wagtail_rencontres.services.capacity.registrations_of`: its own and
its cycles'). A presence is an :class:`~wagtail_rencontres.models.Attendance`
row, unique per registration, event and local day: when two stewards tap the
same person at once, the database keeps one row and the second tap is told
when the first one checked the person in. Translations of an event share its
attendance, as they share its registrations: rows name the event in the
default locale (:func:`~wagtail_rencontres.services.capacity.owner_id`).
"""

import datetime as dt
import logging

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail_rencontres.enums import MailKind, RegistrationStatus
from wagtail_rencontres.forms import CORE_FIELDS
from wagtail_rencontres.models import Attendance, Registration, consent_version
from wagtail_rencontres.services import capacity, dates
from wagtail_rencontres.services.attendance import codes
from wagtail_rencontres.services.registration.outbox import queue_mail
from wagtail_rencontres.services.registration.status import NoPlaceLeft
from wagtail_rencontres.services.registration.workflow import check_email_free

logger = logging.getLogger("wagtail_rencontres.attendance")

#: Registrants shown on a check-in list: those holding a place.
CHECKABLE = RegistrationStatus.seat_holding()


class NotOnTheList(Exception):
    """The registration holds no place at the event (cancelled, waiting, another event)."""


def event_days(event):
    """The local days of an event, in order."""
    first, last = dates.local_days(event.start, event.end, event.timezone)
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def default_day(event, today=None):
    """Today when the event runs today (in its timezone), else its first day."""
    days = event_days(event)
    today = today or dates.to_local(timezone.now(), event.timezone).date()
    return today if today in days else days[0]


def checkin_list(event, day, query=""):
    """Registrations holding a place at ``event``, each with ``checked_in_at`` on ``day``
    (``None`` when absent), filtered by ``query`` in the database, sorted by name (one query)."""
    presence = Attendance.objects.filter(
        registration=OuterRef("pk"), event_id=capacity.owner_id(event), day=day
    )
    registrations = (
        capacity.registrations_of(event)
        .filter(status__in=CHECKABLE)
        .annotate(checked_in_at=Subquery(presence.values("checked_in_at")[:1]))
    )
    query = (query or "").strip()
    if query:
        registrations = registrations.filter(
            Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
            | Q(organisation__icontains=query)
        )
    return registrations.order_by("last_name", "first_name", "pk")


def registration_on_list(event, registration_id=None, code=None):
    """The registration with this id, or whose QR code is ``code``, holding a place at ``event``.

    Raises :class:`NotOnTheList` otherwise.
    """
    registrations = capacity.registrations_of(event).filter(status__in=CHECKABLE)
    if code is not None:
        token = codes.token_of(code)
        found = (
            registrations.filter(token=token, anonymised_at__isnull=True).first() if token else None
        )
    else:
        found = registrations.filter(pk=registration_id).first()
    if found is None:
        raise NotOnTheList
    return found


def check_in(registration, event, day, user=None, now=None):
    """Record the registrant's presence; return ``(attendance, created)``.

    ``created`` is false when someone had already checked the person in that
    day: ``attendance.checked_in_at`` then says when.
    """
    # get_or_create inserts under a savepoint; the unique constraint turns the
    # second of two simultaneous taps into a read of the first one's row.
    return Attendance.objects.get_or_create(
        registration=registration,
        event_id=capacity.owner_id(event),
        day=day,
        defaults={"checked_in_at": now or timezone.now(), "checked_in_by": user},
    )


def check_out(registration, event, day):
    """Mark the registrant absent that day (undo a check-in); whether there was a presence."""
    deleted, _by_model = Attendance.objects.filter(
        registration=registration, event_id=capacity.owner_id(event), day=day
    ).delete()
    return deleted > 0


def walk_in(event, day, cleaned_data, user=None):
    """Register someone at the door, within the event's places, and check them in.

    Runs under the event's lock (:func:`capacity.locked_event`) as any
    registration does; a registration deadline already passed does not stop
    it. Raises :class:`NoPlaceLeft` when the event is full, or
    :class:`~wagtail_rencontres.services.registration.DuplicateRegistration`.
    With an email, the registrant gets the confirmation mail.
    """
    email = (cleaned_data.get("email") or "").strip().lower()
    with capacity.locked_event(event) as locked:
        left = capacity.places_left(locked)
        if left is not None and left <= 0:
            raise NoPlaceLeft(_("No place left: the event is full."), "full")
        check_email_free(locked, email)
        now = timezone.now()
        registration = Registration(
            page_id=locked.pk,
            status=RegistrationStatus.CONFIRMED,
            status_changed_at=now,
            email=email,
            form_data={},
            language=(get_language() or "")[:10],
            consent_text=str(_("Registered on the spot by the organisers.")),
            consent_version=consent_version(""),
            consent_at=now,
            **{
                name: cleaned_data.get(name) or ("" if name != "audience" else None)
                for name in CORE_FIELDS
                if name != "email"
            },
        )
        registration.save()
        if email:
            queue_mail(registration, MailKind.CONFIRMED)
        check_in(registration, event, day, user=user, now=now)
    logger.info("Walk-in registration %s to event %s", registration.pk, locked.pk)
    return registration
