"""Changes to registrations: registering, cancelling, promoting, approving, refusing, updating.

Every change that may take or free a place runs under
:func:`wagtail_rencontres.services.capacity.locked_event`, and queues the
registrant's mail in the same transaction (see :mod:`.outbox`).
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail_rencontres.enums import EventStatus, RegistrationClosedReason, RegistrationStatus
from wagtail_rencontres.forms import CORE_FIELDS, RESERVED_FIELDS
from wagtail_rencontres.models.registration import Registration, consent_version
from wagtail_rencontres.services import capacity, changes
from wagtail_rencontres.services.registration.outbox import queue_mail
from wagtail_rencontres.services.registration.status import (
    DuplicateRegistration,
    NoPlaceLeft,
    Outcome,
    RegistrationClosed,
    WorkshopFull,
    closed_reason,
    consent_text,
    is_full,
)

logger = logging.getLogger("wagtail_rencontres.registration")


def register(event, cleaned_data, *, language=None, idempotency_key="", request_fingerprint=""):
    """Record a registration from a valid form's ``cleaned_data``; return an :class:`Outcome`.

    ``idempotency_key`` names the request: with a key already used for the
    event, nothing is recorded and the outcome holds the first registration
    (``created`` false; its ``request_fingerprint`` tells whether the body was
    the same).

    Raises :class:`RegistrationClosed`, :class:`DuplicateRegistration` or
    :class:`WorkshopFull`. The capacity check and the insert happen in one
    transaction under the event's row lock.
    """
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
        taken, held = capacity.seats_taken_and_held(locked, email)
        reason = closed_reason(locked, now, taken)
        if reason:
            raise RegistrationClosed(RegistrationClosedReason(reason).label, str(reason))
        if held or locked.locked_sessions:  # finding which registration costs a query
            check_email_free(locked, email)
        # Workshops matter only when some are chosen; a translation's source would
        # read its programme again for nothing.
        sessions = capacity.workshop_sessions(locked) if chosen else {}
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
            request_fingerprint=request_fingerprint,
            **{
                name: cleaned_data.get(name) or ("" if name != "audience" else None)
                for name in CORE_FIELDS
                if name != "email"
            },
        )
        _save(registration)
        queue_mail(registration, status)
        if status in RegistrationStatus.seat_holding():
            _announce_if_full(locked, taken)
    logger.info("Registration %s to event %s: %s", registration.pk, locked.pk, status)
    return Outcome(registration, created=True)


def _announce_if_full(locked, taken):
    """The registration just saved took the page's last place: announce it (no query)."""
    limit = locked.registration_capacity
    if limit is not None and taken < limit <= taken + 1:
        changes.registration_changed(locked, changes.REGISTRATION_FULL)


def _announce_if_open_again(locked, promoted):
    """A place freed at a full page stayed free (nobody waiting took it): announce it.

    Costs one query, and only when someone listens (:func:`changes.enabled`).
    """
    limit = locked.registration_capacity
    if promoted or limit is None or not changes.enabled() or not locked.registration_is_open:
        return
    if capacity.seats_taken(locked) == limit - 1:
        changes.registration_changed(locked, changes.REGISTRATION_OPEN)


def check_workshops_free(locked, sessions, chosen):
    """Raise :class:`WorkshopFull` when a session of ``chosen`` has no place left.

    Call under :func:`capacity.locked_event`; ``sessions`` is
    :func:`capacity.workshop_sessions` of the locked page.
    """
    if not chosen:
        return
    full = capacity.full_workshops(sessions, chosen, capacity.workshop_seats_taken(locked))
    if full:
        raise WorkshopFull(
            _("No place left in: %(titles)s. Choose another session.")
            % {"titles": ", ".join(sessions[session_id].title for session_id in full)},
            "workshop_full",
        )


def _save(registration):
    """Save; the database's unique constraints turn a race lost into a duplicate.

    Call under :func:`capacity.locked_event`. No savepoint: a duplicate leaves the
    locked transaction, which rolls back whole; a savepoint would only add two
    statements to the time the page's lock is held.
    """
    try:
        with transaction.atomic(savepoint=False):
            registration.save()
    except IntegrityError as error:
        raise DuplicateRegistration() from error


def check_email_free(locked, email, exclude_pk=None):
    """Raise :class:`DuplicateRegistration` when ``email`` already holds a registration.

    Call under :func:`capacity.locked_event`. Someone registered to a cycle is
    registered to each of its sessions; someone registered to a session must
    cancel that registration before registering to the whole cycle.
    """
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
        if not held:
            return []
        promoted = _promote_after_release(locked)
        _announce_if_open_again(locked, promoted)
        return promoted


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
        _announce_if_open_again(locked, _promote_after_release(locked))
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
