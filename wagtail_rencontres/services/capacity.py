"""Places: how many are taken, how many are left, and the lock that keeps them honest.

Every seat-holding registration (confirmed, approved or pending approval)
counts against the event's capacity and against the capacity of each
workshop it chose. A registration to a whole cycle counts against the
cycle's capacity and against the capacity of each of its sessions that has
one. Anything that may take a place runs inside :func:`locked_event`: one
transaction holding a row lock (``SELECT … FOR UPDATE``) on the page row,
which holds the capacities. For a cycle, the rows of its sessions are
locked too, after the cycle and in primary-key order, so that a cycle
registration and a session registration never both take a session's last
place and two cycles sharing a session cannot deadlock.
"""

import copy
import functools
import json
from collections import Counter
from contextlib import contextmanager

from django.db import connections, router, transaction
from django.db.models import OuterRef, Subquery
from wagtail.models import Page

from wagtail_rencontres.enums import RegistrationMode, RegistrationStatus, SessionFormat
from wagtail_rencontres.models.registration import Registration
from wagtail_rencontres.services import i18n, programme, queries

#: The annotation :func:`with_owner` adds, read by :func:`owner_id`.
OWNER_ANNOTATION = "rencontres_owner_id"


def owner_id(event):
    """Primary key of the page that holds the event's registrations and capacity.

    Translations of an event share one set of places: registrations belong
    to the event in the default locale (the translation source), when it exists.
    The event's ``locale`` is read once per instance (no query when selected
    with it); a translation costs one query for its source, none when it was
    read through :func:`with_owner`.
    """
    if OWNER_ANNOTATION in event.__dict__:
        return event.__dict__[OWNER_ANNOTATION] or event.pk
    default = i18n.default_language_code()
    if event.locale.language_code == default:
        return event.pk
    source = _sources(type(event), event.translation_key).values_list("pk", flat=True).first()
    return source or event.pk


def with_owner(queryset):
    """``queryset``'s pages, each knowing its :func:`owner_id` without a query of its own."""
    # Translations share their model: Wagtail's page table alone finds the source.
    source = _sources(Page, OuterRef("translation_key")).order_by().values("pk")[:1]
    return queryset.annotate(**{OWNER_ANNOTATION: Subquery(source)})


def _sources(model, translation_key):
    """The copies of a page in the default locale (one at most)."""
    return model._default_manager.filter(
        translation_key=translation_key, locale__language_code=i18n.default_language_code()
    )


def is_cycle(page):
    """Whether ``page`` is a cycle (of the cycle page model the site uses)."""
    return isinstance(page, queries.cycle_model())


def session_ids(cycle):
    """Primary keys of the events linked to the cycle, in primary-key order (lock order)."""
    return list(
        queries.cycle_session_model()
        .objects.filter(cycle_id=owner_id(cycle))
        .order_by("event_id")
        .values_list("event_id", flat=True)
    )


def own_registrations(page):
    """Registrations made on the page itself (for a session: not through a cycle)."""
    return Registration.objects.filter(page_id=owner_id(page))


def registrations_of(page):
    """Registrations that hold or wait for a place at the page.

    For an event: its own and those of every cycle it is a session of. For a
    cycle: its own (one query either way).
    """
    owner = owner_id(page)
    cycles = (
        queries.cycle_session_model()
        .objects.filter(event_id=owner)
        .order_by()
        .values_list("cycle_id")
    )
    # One list of pages, not "page = owner OR page IN (cycles)": PostgreSQL reads
    # such an OR by scanning the whole registration table, under the page's lock.
    pages = cycles.union(Page.objects.filter(pk=owner).order_by().values_list("pk"), all=True)
    return Registration.objects.filter(page_id__in=pages)


def seats_taken(event):
    """Seat-holding registrations of the event or cycle, cycle registrants included (one query)."""
    return registrations_of(event).filter(status__in=RegistrationStatus.seat_holding()).count()


def seats_taken_and_held(event, email):
    """:func:`seats_taken`, and whether ``email`` holds an active registration among
    :func:`registrations_of` the event (one query for both).

    The query is ``registrations_of(event)`` with two conditional counts,
    written in SQL: every registration runs it under the page's lock, and the
    ORM took several times longer to build and compile it than the database
    to answer it.
    """
    owner = owner_id(event)
    statuses = [str(status) for status in RegistrationStatus.seat_holding()]
    params = [*statuses, email, str(RegistrationStatus.CANCELLED), owner, owner]
    database = router.db_for_read(Registration)
    with connections[database].cursor() as cursor:
        cursor.execute(_seats_sql(database, len(statuses)), params)
        taken, held = cursor.fetchone()
    return taken or 0, bool(held)


@functools.cache
def _seats_sql(database, statuses):
    """The SQL of :func:`seats_taken_and_held`, built once per database.

    Only the models' table and column names, quoted, go into the text; every
    value is a parameter.
    """
    quote = connections[database].ops.quote_name
    registration, link, page = Registration._meta, queries.cycle_session_model()._meta, Page._meta

    def column(meta, name):
        return quote(meta.get_field(name).column)

    status, pk = column(registration, "status"), quote(page.pk.column)
    placeholders = ", ".join(["%s"] * statuses)
    taken = f"COALESCE(SUM(CASE WHEN {status} IN ({placeholders}) THEN 1 ELSE 0 END), 0)"
    held = (
        f"COALESCE(SUM(CASE WHEN {column(registration, 'email')} = %s AND {status} <> %s "
        "THEN 1 ELSE 0 END), 0)"
    )
    cycles = f"SELECT {column(link, 'cycle')} FROM {quote(link.db_table)}"  # noqa: S608
    cycles = f"{cycles} WHERE {column(link, 'event')} = %s"
    owner = f"SELECT {pk} FROM {quote(page.db_table)} WHERE {pk} = %s"  # noqa: S608
    table, page_id = quote(registration.db_table), column(registration, "page")
    where = f"{page_id} IN ({cycles} UNION ALL {owner})"
    return f"SELECT {taken}, {held} FROM {table} WHERE {where}"  # noqa: S608


def session_places_left(cycle):
    """``{event id: places left}`` for the cycle's sessions that take internal
    registrations with a capacity (one query, whatever the number of sessions)."""
    rows = (
        queries.event_model()
        .objects.filter(
            pk__in=queries.cycle_session_model()
            .objects.filter(cycle_id=owner_id(cycle))
            .values("event_id"),
            registration_mode=RegistrationMode.INTERNAL,
            registration_capacity__isnull=False,
        )
        .annotate(seats=queries.seats_expression())
        .values_list("pk", "registration_capacity", "seats")
    )
    return {pk: max(capacity - seats, 0) for pk, capacity, seats in rows}


def places_left(event, taken=None):
    """Places still free, or ``None`` when unlimited.

    A cycle has no more places than its fullest session that has a capacity:
    each cycle registrant takes a place in every session.
    """
    left = None
    if event.registration_capacity is not None:
        if taken is None:
            taken = seats_taken(event)
        left = max(event.registration_capacity - taken, 0)
    if is_cycle(event):
        for session_left in session_places_left(event).values():
            left = session_left if left is None else min(left, session_left)
    return left


def workshop_sessions(event, days=None):
    """Sessions a registrant may choose, by stable session id, in programme order.

    A session is a workshop to choose when it has a capacity or the workshop
    format. Its ``restricted_audiences`` are in the event's locale where
    translated; compare audiences by ``restricted_keys`` (translation keys), so
    that every translation of the event accepts the matching audience.
    ``days``: the programme with its private sessions, when already read.
    """
    if not hasattr(event, "programme"):
        return {}  # a cycle has no programme of its own: no workshop to choose
    key = _programme_key(event)
    known = getattr(event, "_rencontres_workshops", None)
    if known is not None and known[0] == key:
        return known[1]
    if days is None:
        days = programme.days(
            event, include_private=True, with_speakers=False, keep=_may_be_workshop
        )
    sessions = {}
    for day in days:
        for session in day.sessions:
            if not session.id:
                continue
            if session.capacity or session.format == SessionFormat.WORKSHOP:
                sessions[session.id] = session
    event._rencontres_workshops = (key, sessions)
    return sessions


def _programme_key(event):
    """What the workshops of ``event`` are read from: its time zone and raw programme."""
    raw = event.programme
    raw = [] if raw is None else list(getattr(raw, "raw_data", raw))
    return json.dumps([event.timezone, raw], sort_keys=True, default=str)


def _may_be_workshop(raw_session):
    """Whether a session's raw value may be a workshop: reading only those spares a
    registration the parsing of the whole programme, on every request."""
    return bool(raw_session.get("capacity")) or raw_session.get("format") == SessionFormat.WORKSHOP


def workshop_seats_taken(event):
    """``{session id: seat-holding registrations that chose it}`` (one query)."""
    counter = Counter()
    for chosen in (
        own_registrations(event)
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
    """Open a transaction and lock the page's row; yield the page as it is under the lock.

    The yielded page carries the current capacities, dates and programme even
    when an editor changed them since ``event`` was loaded. For a cycle, the
    rows of its sessions are locked next, in primary-key order, and the locked
    sessions are in ``locked.locked_sessions``. On databases without row locks
    (SQLite) the transaction alone serialises writers.
    """
    with transaction.atomic():
        owner = owner_id(event)
        if owner == event.pk:
            locked = _reread_locked(event)
        else:
            locked = (
                type(event)
                ._default_manager.select_for_update(of=("self",))
                .select_related("locale")
                .get(pk=owner)
            )
        locked.locked_sessions = []
        if is_cycle(locked):
            locked.locked_sessions = list(
                queries.event_model()
                ._default_manager.select_for_update(of=("self",))
                .filter(pk__in=session_ids(locked))
                .order_by("pk")
            )
        yield locked


def _reread_locked(event):
    """A copy of ``event``, its row locked and its ``registration_state_fields`` read again
    (those of its fields; a cycle has no programme).

    Those fields (capacities, registration dates, the event's dates, status and
    programme) decide whether a place may be taken; the rest of the page (its
    title, its content, Wagtail's page table) is not read again, and Wagtail's
    page table is not joined. What the copy keeps, such as the workshops the
    caller read from the same programme to build the form, is compared with
    the programme read again by :func:`workshop_sessions`.
    """
    model = type(event)
    row = (
        model._default_manager.select_for_update(of=("self",))
        .order_by()
        .filter(pk=event.pk)
        .values(*_state_fields(model))
        .get()
    )
    locked = copy.copy(event)
    locked.__dict__.update(row)
    return locked


@functools.cache
def _state_fields(model):
    """The ``registration_state_fields`` that are fields of ``model``, found once per model."""
    names = {field.name for field in model._meta.concrete_fields}
    return tuple(name for name in model.registration_state_fields if name in names)
