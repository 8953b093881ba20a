"""Registration domain: state of a form, registering, cancelling, promoting, erasing.

Every change that may take or free a place runs under
:func:`wagtail_rencontres.services.capacity.locked_event`. Mails are queued
as :class:`~wagtail_rencontres.models.RegistrationMail` rows and sent by a
django-tasks task once the transaction has committed, so a mail failure
never loses or blocks a registration.
"""

import base64
import datetime as dt
import logging
from dataclasses import dataclass
from functools import partial

from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail_rencontres import conf
from wagtail_rencontres.enums import (
    EventStatus,
    RegistrationClosedReason,
    RegistrationMode,
    RegistrationStatus,
)
from wagtail_rencontres.services import capacity

logger = logging.getLogger("wagtail_rencontres.registration")

SIGNING_SALT = "wagtail_rencontres.registration"

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


# State


def closed_reason(event, now=None, taken=None):
    """Why the event's own form refuses registrations now, or ``""`` when it accepts them.

    A full event with a waiting list still accepts registrations (onto the list).
    The deadline itself is still open: registration closes just after it.
    """
    now = now or timezone.now()
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
    if event.registration_mode == RegistrationMode.EXTERNAL:
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


def form_class(event):
    """The registration form class of the event or cycle (a Wagtail FormBuilder form)."""
    from wagtail_rencontres.forms import RegistrationFormBuilder

    sessions = capacity.workshop_sessions(event)
    return RegistrationFormBuilder(
        list(event.registration_fields.all()),
        event=event,
        workshop_sessions=sessions,
        consent_text=consent_text(event),
        audiences=audience_choices(event, sessions),
    ).get_form_class()


def audience_choices(event, sessions):
    """The audiences a registrant may pick: those of the event's locale.

    A workshop restricted to an audience that has no translation in that locale
    shows the source's audience (see :mod:`~wagtail_rencontres.services.i18n`):
    it is offered too, or nobody could register to the workshop.
    """
    from wagtail_rencontres.models import Audience

    untranslated = {
        audience.pk
        for session in sessions.values()
        for audience in session.restricted_audiences
        if audience.locale_id != event.locale_id
    }
    return Audience.objects.filter(Q(locale_id=event.locale_id) | Q(pk__in=untranslated)).order_by(
        "name"
    )


# Abuse


def rate_limited(ip_address):
    """Count one submission from ``ip_address``; ``True`` when over the limit."""
    limit = conf.get_setting("REGISTRATION_RATE_LIMIT")
    if not limit:
        return False
    key = f"wagtail_rencontres:registration-rate:{ip_address}"
    cache.add(key, 0, timeout=conf.get_setting("REGISTRATION_RATE_WINDOW"))
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=conf.get_setting("REGISTRATION_RATE_WINDOW"))
        count = 1
    return count > limit


def client_ip(request):
    """The client address as the web server saw it (configure proxies to set REMOTE_ADDR)."""
    return request.META.get("REMOTE_ADDR") or "unknown"


# Registering


def register(event, cleaned_data, *, language=None, idempotency_key=""):
    """Record a registration from a valid form's ``cleaned_data``; return an :class:`Outcome`.

    Raises :class:`RegistrationClosed`, :class:`DuplicateRegistration` or
    :class:`WorkshopFull`. The capacity check and the insert happen in one
    transaction under the event's row lock.
    """
    from wagtail_rencontres.forms import CORE_FIELDS, RESERVED_FIELDS
    from wagtail_rencontres.models import Registration, consent_version

    email = (cleaned_data.get("email") or "").strip().lower()
    chosen = list(dict.fromkeys(cleaned_data.get("workshops") or []))
    answers = {name: value for name, value in cleaned_data.items() if name not in RESERVED_FIELDS}
    with capacity.locked_event(event) as locked:
        if idempotency_key:
            existing = (
                capacity.own_registrations(locked).filter(idempotency_key=idempotency_key).first()
            )
            if existing is not None:
                return Outcome(existing, created=False)
        now = timezone.now()
        taken = capacity.seats_taken(locked)
        reason = closed_reason(locked, now, taken)
        if reason:
            raise RegistrationClosed(RegistrationClosedReason(reason).label, str(reason))
        check_email_free(locked, email)
        sessions = capacity.workshop_sessions(locked)
        if is_full(locked, taken):
            status = RegistrationStatus.WAITLISTED
        else:
            check_workshops_free(locked, sessions, chosen)
            status = _seat_status(locked, sessions, chosen)
        text = consent_text(locked)
        registration = Registration(
            page_id=locked.pk,
            status=status,
            status_changed_at=now,
            email=email,
            workshops=chosen,
            form_data=answers,
            language=(language or get_language() or "")[:10],
            consent_text=text,
            consent_version=consent_version(text),
            consent_at=now,
            idempotency_key=idempotency_key or "",
            **{
                name: cleaned_data.get(name) or ("" if name != "audience" else None)
                for name in CORE_FIELDS
                if name != "email"
            },
        )
        _save(registration)
        queue_mail(registration, status)
    logger.info("Registration %s to event %s: %s", registration.pk, locked.pk, status)
    return Outcome(registration, created=True)


def check_workshops_free(locked, sessions, chosen):
    """Raise :class:`WorkshopFull` when a session of ``chosen`` has no place left.

    Call under :func:`capacity.locked_event`; ``sessions`` is
    :func:`capacity.workshop_sessions` of the locked page.
    """
    full = capacity.full_workshops(sessions, chosen, capacity.workshop_seats_taken(locked))
    if full:
        raise WorkshopFull(
            _("No place left in: %(titles)s. Choose another session.")
            % {"titles": ", ".join(sessions[session_id].title for session_id in full)},
            "workshop_full",
        )


def _save(registration):
    """Save; the database's unique constraints turn a race lost into a duplicate."""
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:
        raise DuplicateRegistration() from error


def check_email_free(locked, email, exclude_pk=None):
    """Raise :class:`DuplicateRegistration` when ``email`` already holds a registration.

    Call under :func:`capacity.locked_event`. Someone registered to a cycle is
    registered to each of its sessions; someone registered to a session must
    cancel that registration before registering to the whole cycle.
    """
    from wagtail_rencontres.models import Registration

    if not email:
        return

    def first_active(registrations):
        active = registrations.filter(email=email).exclude(status=RegistrationStatus.CANCELLED)
        if exclude_pk is not None:
            active = active.exclude(pk=exclude_pk)
        return active.select_related("page").order_by("pk").first()

    clash = first_active(capacity.registrations_of(locked))
    if clash is not None and clash.page_id != locked.pk:
        raise DuplicateRegistration(
            _(
                "This email address is already registered for this event through the cycle "
                "“%(cycle)s”."
            )
            % {"cycle": clash.page.title}
        )
    if clash is not None:
        raise DuplicateRegistration()
    if locked.locked_sessions:
        session_ids = [session.pk for session in locked.locked_sessions]
        clash = first_active(Registration.objects.filter(page_id__in=session_ids))
        if clash is not None:
            raise DuplicateRegistration(
                _(
                    "This email address is already registered for “%(event)s”, a session of "
                    "this cycle. Cancel that registration first (with the link of its "
                    "confirmation mail), then register for the whole cycle."
                )
                % {"event": clash.page.title}
            )


def _seat_status(event, sessions, chosen):
    restricted = any(
        sessions[session_id].restricted for session_id in chosen if session_id in sessions
    )
    if restricted and event.registration_requires_approval:
        return RegistrationStatus.PENDING
    return RegistrationStatus.CONFIRMED


def _event_of(registration):
    return registration.page.specific


def _set_status(registration, status):
    registration.status = status
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at", "updated_at"])


def cancel(registration):
    """Cancel a registration; a freed place goes to the first person waiting."""
    with capacity.locked_event(_event_of(registration)) as locked:
        registration.refresh_from_db()
        if registration.status in (RegistrationStatus.CANCELLED, RegistrationStatus.REFUSED):
            return []
        held = registration.holds_seat
        _set_status(registration, RegistrationStatus.CANCELLED)
        if registration.email:
            queue_mail(registration, "cancelled")
        return _promote_after_release(locked) if held else []


def _promote_after_release(locked):
    """A place was freed at ``locked``: promote the waiting lists that may use it.

    A cycle registrant also held a place in each session, so the sessions'
    waiting lists move too (their rows are locked with the cycle), before the
    cycle's own list: someone waiting for one session needs one place, a cycle
    registrant one in every session. A place freed in a session does not
    promote a cycle's waiting list automatically: that would lock the cycle
    after the session, against the lock order; editors promote such cycle
    registrations from the admin.
    """
    promoted = []
    for session in locked.locked_sessions:
        promoted += promote_waiting(session)
    return promoted + promote_waiting(locked)


def promote_waiting(locked_event):
    """Give free places to waiting registrations, first come first served.

    Call inside :func:`capacity.locked_event`. A waiting registration whose
    chosen workshop is full is skipped, not dropped. Returns the promoted ones.
    """
    from wagtail_rencontres.models import Registration

    ends_at = locked_event.registration_ends_at
    if locked_event.registration_page_status in (EventStatus.CANCELLED, EventStatus.FULL) or (
        ends_at is not None and timezone.now() > ends_at
    ):
        return []
    taken = capacity.seats_taken(locked_event)
    sessions = capacity.workshop_sessions(locked_event)
    workshop_taken = capacity.workshop_seats_taken(locked_event)
    promoted = []
    waiting = Registration.objects.filter(
        page_id=locked_event.pk, status=RegistrationStatus.WAITLISTED
    ).order_by("submit_time", "pk")
    for registration in waiting:
        left = capacity.places_left(locked_event, taken)
        if left is not None and left <= 0:
            break
        if capacity.full_workshops(sessions, registration.workshops, workshop_taken):
            continue
        _set_status(registration, _seat_status(locked_event, sessions, registration.workshops))
        queue_mail(registration, "promoted")
        taken += 1
        workshop_taken.update(set(registration.workshops))
        promoted.append(registration)
    return promoted


def promote(registration):
    """An editor moves one waiting registration to a place, if one is free."""
    with capacity.locked_event(_event_of(registration)) as locked:
        registration.refresh_from_db()
        if registration.status != RegistrationStatus.WAITLISTED:
            return False
        sessions = capacity.workshop_sessions(locked)
        full = capacity.full_workshops(
            sessions, registration.workshops, capacity.workshop_seats_taken(locked)
        )
        if is_full(locked) or full:
            raise NoPlaceLeft(_("No place is free for this registration."), "no_place_left")
        _set_status(registration, _seat_status(locked, sessions, registration.workshops))
        queue_mail(registration, "promoted")
        return True


def approve(registration):
    with capacity.locked_event(_event_of(registration)):
        registration.refresh_from_db()
        if registration.status != RegistrationStatus.PENDING:
            return False
        _set_status(registration, RegistrationStatus.APPROVED)
        queue_mail(registration, "approved")
        return True


def refuse(registration):
    with capacity.locked_event(_event_of(registration)) as locked:
        registration.refresh_from_db()
        if registration.status != RegistrationStatus.PENDING:
            return False
        _set_status(registration, RegistrationStatus.REFUSED)
        queue_mail(registration, "refused")
        _promote_after_release(locked)
        return True


def update(registration, cleaned_data):
    """The registrant's own update: details, answers, audience, email and workshops.

    ``cleaned_data`` comes from the registration form without its consent
    field; fields absent from it stay as they are. Under the page's lock:

    - a new email must not be registered already (same rules as registering);
    - a newly chosen workshop must have a place left (the registrant's current
      ones stay theirs); a waiting registration gets its places when promoted;
    - choosing a restricted session that was not chosen before waits for an
      editor's approval again when the page requires approval, and a pending
      registration that no longer chooses any restricted session is confirmed.

    Queues an ``updated`` mail when the email, workshops or status changed.
    Raises :class:`RegistrationClosed`, :class:`DuplicateRegistration` or
    :class:`WorkshopFull`.
    """
    from wagtail_rencontres.forms import CORE_FIELDS, RESERVED_FIELDS

    with capacity.locked_event(_event_of(registration)) as locked:
        registration.refresh_from_db()
        if registration.status in (RegistrationStatus.CANCELLED, RegistrationStatus.REFUSED):
            raise RegistrationClosed(
                _("A cancelled or refused registration cannot be changed."), "not_editable"
            )
        changed = False
        email = (cleaned_data.get("email") or "").strip().lower()
        if "email" in cleaned_data and email and email != registration.email:
            check_email_free(locked, email, exclude_pk=registration.pk)
            registration.email = email
            changed = True
        previous = list(registration.workshops or [])
        chosen = previous
        sessions = capacity.workshop_sessions(locked)
        if "workshops" in cleaned_data:
            chosen = list(dict.fromkeys(cleaned_data.get("workshops") or []))
            added = [session_id for session_id in chosen if session_id not in previous]
            if registration.holds_seat and added:
                check_workshops_free(locked, sessions, added)
            if chosen != previous:
                registration.workshops = chosen
                changed = True
            if registration.holds_seat:
                status = _updated_status(locked, registration.status, sessions, previous, chosen)
                if status != registration.status:
                    registration.status = status
                    registration.status_changed_at = timezone.now()
                    changed = True
        for name in CORE_FIELDS:
            if name in cleaned_data and name != "email":
                default = None if name == "audience" else ""
                setattr(registration, name, cleaned_data[name] or default)
        registration.form_data = {
            name: value for name, value in cleaned_data.items() if name not in RESERVED_FIELDS
        }
        _save(registration)
        if changed and registration.email:
            queue_mail(registration, "updated")
        if registration.holds_seat and set(previous) - set(chosen):
            promote_waiting(locked)
    return registration


def _updated_status(locked, status, sessions, previous, chosen):
    needed = _seat_status(locked, sessions, chosen)
    newly_restricted = any(
        sessions[key].restricted for key in chosen if key in sessions and key not in previous
    )
    if needed == RegistrationStatus.PENDING and (
        newly_restricted or status != RegistrationStatus.APPROVED
    ):
        return RegistrationStatus.PENDING
    if needed == RegistrationStatus.CONFIRMED and status == RegistrationStatus.PENDING:
        return RegistrationStatus.CONFIRMED
    return status


# Personal data


PERSONAL_FIELDS = ("first_name", "last_name", "email", "organisation", "function")


def anonymise(registration):
    """Erase a registration's personal data, keeping its status for the counts."""
    import uuid

    for name in PERSONAL_FIELDS:
        setattr(registration, name, "")
    registration.form_data = {}
    registration.idempotency_key = ""
    registration.token = uuid.uuid4()
    registration.anonymised_at = timezone.now()
    registration.save()
    registration.mails.update(error="")


def erase(registration):
    """The registrant's own erasure: cancel (freeing the place), then anonymise."""
    with transaction.atomic():
        cancel(registration)
        registration.refresh_from_db()
        # The cancellation mail would have no address left: it is not sent.
        registration.mails.filter(status="queued").delete()
        anonymise(registration)


def anonymise_expired(now=None, days=None):
    """Anonymise registrations of events that ended more than ``days`` days ago.

    A cycle's registrations go when its last session ended that long ago.
    Returns ``{page_id: number anonymised}``. Counts by status are kept.
    """
    from django.db.models import Max, Q

    from wagtail_rencontres.models import Registration, RegistrationMail

    now = now or timezone.now()
    days = conf.get_setting("REGISTRATION_RETENTION_DAYS") if days is None else days
    cutoff = now - dt.timedelta(days=days)
    ended_cycles = (
        conf.page_model("CyclePage")
        .objects.annotate(last_end=Max("sessions__event__end"))
        .filter(last_end__lt=cutoff)
        .values("pk")
    )
    expired = Registration.objects.filter(
        Q(page_id__in=conf.page_model("EventPage").objects.filter(end__lt=cutoff).values("pk"))
        | Q(page_id__in=ended_cycles),
        anonymised_at__isnull=True,
    )
    per_event = {}
    for page_id in expired.values_list("page_id", flat=True):
        per_event[page_id] = per_event.get(page_id, 0) + 1
    with transaction.atomic():
        RegistrationMail.objects.filter(registration__in=expired).update(error="")
        expired.update(
            anonymised_at=now,
            form_data={},
            idempotency_key="",
            **dict.fromkeys(PERSONAL_FIELDS, ""),
        )
    _log_anonymisation(per_event)
    return per_event


def _log_anonymisation(per_event):
    """Record each event's anonymisation in the logs and in Wagtail's page history."""
    from wagtail.log_actions import log
    from wagtail.models import Page

    pages = Page.objects.in_bulk(per_event.keys())
    for page_id, count in sorted(per_event.items()):
        logger.info("Anonymised %s registrations of event %s", count, page_id)
        if page_id in pages:
            log(
                instance=pages[page_id],
                action="wagtail_rencontres.registrations_anonymised",
                data={"count": count},
            )


# Links and mails


def signed_token(registration):
    """The secret of a self-service link: the signed token, base64-encoded again.

    Wagtail's page URLs accept only ``[\\w-]`` in path segments, not the ``:``
    of signed values.
    """
    signed = signing.dumps(str(registration.token), salt=SIGNING_SALT, compress=False)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def unsign_token(value):
    """The registration token inside a self-service link, or ``None`` when forged or expired."""
    max_age_days = conf.get_setting("REGISTRATION_LINK_MAX_AGE_DAYS")
    try:
        signed = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        return signing.loads(
            signed,
            salt=SIGNING_SALT,
            max_age=dt.timedelta(days=max_age_days) if max_age_days else None,
        )
    except (signing.BadSignature, ValueError):
        return None


def self_service_url(registration, event=None):
    event = event or _event_of(registration)
    return event.get_full_url() + event.reverse_subpage(
        "registration_self_service", kwargs={"token": signed_token(registration)}
    ).lstrip("/")


def queue_mail(registration, kind):
    """Record a mail and send it through the task backend once the transaction commits."""
    from wagtail_rencontres.models import RegistrationMail

    mail = RegistrationMail.objects.create(registration=registration, kind=kind)
    transaction.on_commit(partial(enqueue_mail, mail.pk))
    return mail


def enqueue_mail(mail_id):
    from wagtail_rencontres.tasks import send_registration_mail

    try:
        send_registration_mail.enqueue(mail_id)
    except Exception:  # the mail stays queued, visible and retryable in the admin
        logger.exception("Could not enqueue registration mail %s", mail_id)
