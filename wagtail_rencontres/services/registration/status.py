"""Where a registration stands: what the form accepts now, the outcome messages, the errors.

Nothing here writes: :mod:`.workflow` changes registrations.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from wagtail_rencontres import conf
from wagtail_rencontres.enums import (
    EventStatus,
    RegistrationClosedReason,
    RegistrationMode,
    RegistrationStatus,
)
from wagtail_rencontres.services import capacity, clock, dates, formatting

STATUS_MESSAGES = {
    RegistrationStatus.CONFIRMED: _(
        "Your registration is confirmed. A confirmation mail is on its way."
    ),
    RegistrationStatus.WAITLISTED: _(
        "The event is full: you are on the waiting list. We will write to you if a place frees up."
    ),
    RegistrationStatus.PENDING: _(
        "Your registration awaits the organisers' approval. "
        "We will write to you once it is decided."
    ),
    RegistrationStatus.APPROVED: _("Your registration is approved."),
    RegistrationStatus.REFUSED: _("Your registration was not accepted."),
    RegistrationStatus.CANCELLED: _("Your registration is cancelled."),
}


class RegistrationError(Exception):
    """A registration that cannot be taken; ``field`` names the form field at fault."""

    field = "__all__"

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


class RegistrationClosed(RegistrationError):
    pass


class DuplicateRegistration(RegistrationError):
    field = "email"

    def __init__(self, message=None):
        super().__init__(
            message or _("This email address is already registered for this event."),
            "duplicate_email",
        )


class WorkshopFull(RegistrationError):
    field = "workshops"


class NoPlaceLeft(RegistrationError):
    pass


@dataclass
class Outcome:
    registration: object
    created: bool

    @property
    def message(self):
        return STATUS_MESSAGES[self.registration.status]


def closed_reason(event, now=None, taken=None, places=True):
    """Why the event's own form refuses registrations now, or ``""`` when it accepts them.

    A full event with a waiting list still accepts registrations (onto the list).
    The deadline itself is still open: registration closes just after it.
    ``places=False`` leaves places out (no query): a quick check before the
    one made under the event's lock.
    """
    now = now or clock.now()
    if event.registration_mode == RegistrationMode.NONE:
        return RegistrationClosedReason.NO_REGISTRATION
    status = event.registration_page_status
    if status == EventStatus.CANCELLED:
        return RegistrationClosedReason.CANCELLED
    if status == EventStatus.POSTPONED:
        return RegistrationClosedReason.POSTPONED
    if event.registration_opens_at and now < event.registration_opens_at:
        return RegistrationClosedReason.NOT_OPEN_YET
    if event.registration_closes_at and now > event.registration_closes_at:
        return RegistrationClosedReason.DEADLINE_PASSED
    ends_at = event.registration_ends_at
    if ends_at is not None and now > ends_at:
        return RegistrationClosedReason.PAST
    if event.registration_mode == RegistrationMode.EXTERNAL or not places:
        return ""
    if is_full(event, taken) and not event.registration_waitlist:
        return RegistrationClosedReason.FULL
    return ""


def is_full(event, taken=None):
    if event.registration_page_status == EventStatus.FULL:
        return True
    left = capacity.places_left(event, taken)
    return left is not None and left <= 0


def _seats_taken(event):
    # Listings may annotate the count to avoid one query per event.
    annotated = getattr(event, "registrations_seats_taken", None)
    if annotated is not None:
        return annotated
    return capacity.seats_taken(event)


def state(event, now=None):
    """The public registration summary of :meth:`EventPageMixin.registration_state`."""
    internal = event.registration_mode == RegistrationMode.INTERNAL
    external = event.registration_mode == RegistrationMode.EXTERNAL
    taken = _seats_taken(event) if internal and event.registration_capacity is not None else 0
    reason = closed_reason(event, now, taken)
    left = capacity.places_left(event, taken) if internal else None
    is_open = reason == ""
    waitlist_open = bool(internal and is_open and is_full(event, taken))
    return {
        "mode": event.registration_mode,
        "opens_at": event.registration_opens_at,
        "closes_at": event.registration_closes_at,
        "is_open": is_open,
        "places_left": left,
        "waitlist_open": waitlist_open,
        "external_url": event.registration_url if external else "",
        "external_label": event.registration_link_label if external else "",
        "capacity": event.registration_capacity if internal else None,
        "closed_reason": str(reason),
        "closed_message": str(RegistrationClosedReason(reason).label) if reason else "",
    }


def consent_text(event):
    """The consent text in force for the event, in the active language."""
    if event.registration_consent_text.strip():
        return event.registration_consent_text.strip()
    default = conf.get_setting("REGISTRATION_DEFAULT_CONSENT")
    if default:
        return str(default)
    return str(
        _(
            "I agree that the organisers process the data of this form to manage my "
            "registration. They are erased %(days)s days after the event."
        )
        % {"days": conf.get_setting("REGISTRATION_RETENTION_DAYS")}
    )


#: A deadline further than this before the event's start is likely left over
#: from earlier dates (see :func:`deadline_warning`).
DEADLINE_WARNING_DAYS = 90


def deadline_warning(event):
    """Why the registration deadline looks left behind by the event's dates, or ``""``.

    Editors move an event's dates and forget its deadline: after a change of
    date, it ends up after the event has started, or months before it. The
    admin says so when the page is opened, saved or published; nothing blocks.
    """
    closes_at, start = event.registration_closes_at, event.start
    if event.registration_mode == RegistrationMode.NONE or closes_at is None or start is None:
        return ""
    local = dates.to_local(closes_at, event.registration_timezone)
    deadline = f"{formatting.format_day(local)}, {formatting.format_time(local)}"
    if closes_at > start:
        return _(
            "The registration deadline (%(deadline)s) is after the start of the event. "
            "Did the event's dates change? Check the deadline in the Registration tab."
        ) % {"deadline": deadline}
    days = (start - closes_at).days
    if days > DEADLINE_WARNING_DAYS:
        # More than DEADLINE_WARNING_DAYS: always plural.
        return _(
            "The registration deadline (%(deadline)s) is %(days)d days before the event. "
            "Did the event's dates change? Check the deadline in the Registration tab."
        ) % {"deadline": deadline, "days": days}
    return ""
