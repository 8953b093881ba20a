"""Places: how many are taken, how many are left, and the lock that keeps them honest.

Every seat-holding registration (confirmed, approved or pending approval)
counts against the event's capacity and against the capacity of each
workshop it chose. Anything that may take a place runs inside
:func:`locked_event`: one transaction holding a row lock
(``SELECT … FOR UPDATE``) on the event row, which holds the event's and the
workshops' capacities. Concurrent registrations therefore check and insert
one after the other, never both on the same stale count.
"""

from collections import Counter
from contextlib import contextmanager

from django.db import transaction

from wagtail_rencontres.enums import RegistrationStatus, SessionFormat


def owner_id(event):
    """Primary key of the page that holds the event's registrations and capacity.

    Translations of an event share one set of places: registrations belong
    to the event in the default locale (the translation source), when it exists.
    """
    from wagtail.models import Locale

    default = Locale.get_default()
    if event.locale_id == default.pk:
        return event.pk
    source = (
        type(event)
        ._default_manager.filter(translation_key=event.translation_key, locale_id=default.pk)
        .values_list("pk", flat=True)
        .first()
    )
    return source or event.pk


def registrations_of(event):
    from wagtail_rencontres.models import Registration

    return Registration.objects.filter(page_id=owner_id(event))


def seats_taken(event):
    """Seat-holding registrations of the event (one query)."""
    return registrations_of(event).filter(status__in=RegistrationStatus.seat_holding()).count()


def places_left(event, taken=None):
    """Places still free, or ``None`` when the event has no capacity."""
    if event.registration_capacity is None:
        return None
    if taken is None:
        taken = seats_taken(event)
    return max(event.registration_capacity - taken, 0)


def workshop_sessions(event):
    """Sessions a registrant may choose, by stable session id, in programme order.

    A session is a workshop to choose when it has a capacity or the workshop
    format. Each :class:`~wagtail_rencontres.services.programme.Session` gets
    ``restricted_ids``: the primary keys of the audiences it is restricted to.
    """
    from wagtail_rencontres.services import programme

    restricted_ids = {}
    for child in event.programme or []:
        for item in child.value["sessions"].bound_blocks:
            restricted_ids[item.id] = {
                audience.pk for audience in item.value["restricted_audiences"] if audience
            }
    sessions = {}
    for day in programme.days(event, include_private=True):
        for session in day.sessions:
            if not session.id:
                continue
            if session.capacity or session.format == SessionFormat.WORKSHOP:
                session.restricted_ids = restricted_ids.get(session.id, set())
                sessions[session.id] = session
    return sessions


def workshop_seats_taken(event):
    """``{session id: seat-holding registrations that chose it}`` (one query)."""
    counter = Counter()
    for chosen in (
        registrations_of(event)
        .filter(status__in=RegistrationStatus.seat_holding())
        .values_list("workshops", flat=True)
    ):
        counter.update(set(chosen or []))
    return counter


def workshop_places_left(sessions, taken):
    """``{session id: places left or None}`` for the given workshop sessions."""
    return {
        session_id: (None if not session.capacity else max(session.capacity - taken[session_id], 0))
        for session_id, session in sessions.items()
    }


def full_workshops(sessions, chosen, taken):
    """Chosen sessions that have no place left."""
    return [
        session_id
        for session_id in chosen
        if session_id in sessions
        and sessions[session_id].capacity
        and taken[session_id] >= sessions[session_id].capacity
    ]


@contextmanager
def locked_event(event):
    """Open a transaction and lock the event's row; yield the freshly read event.

    The fresh copy carries the current capacities even when an editor changed
    them since ``event`` was loaded. On databases without row locks (SQLite)
    the transaction alone serialises writers.
    """
    model = type(event)
    with transaction.atomic():
        locked = model._default_manager.select_for_update(of=("self",)).get(pk=owner_id(event))
        yield locked
