"""The change stamp: one moment, shared by every worker, that moves whenever
anything the typed API or the ICS feeds show may have changed.

- :func:`changed` schedules a move when a transaction commits (receivers call
  it on saves and deletions of pages, snippets, registrations, view
  restrictions, sites, locales and images, and on publication).
- :func:`changed_at` reads the stamp: one query.
- When a boundary passes, the registrations that opened or closed since are
  announced (:func:`.changes.registration_dates_passed`), once. Responses read it *before*
  their content, so content committed after the read is always newer than the
  stamp a client was given.

Some content changes with time alone: an event becomes ongoing, then past;
registration opens and closes. The stamp keeps the next such moment
(``next_boundary``); the first read at or after it moves the stamp. A moment
counts from itself on (``__gte``), so a read at that very moment moves the
stamp and the next read after it again: what changes at the moment (an event
starting) and what changes just after it (a deadline passing) both do.

The stamp only moves forward, at least a microsecond per move, even when
workers' clocks disagree. It lives in the database (:class:`~.models.ChangeStamp`)
rather than in a cache, so that a cache clear or a per-process cache can never
bring back an older value.
"""

import datetime as dt

from django.db import connection, transaction
from django.db.models import (
    DateTimeField,
    ExpressionWrapper,
    F,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Greatest
from django.utils import timezone

from wagtail_rencontres.models import ChangeStamp
from wagtail_rencontres.services import changes, queries

STAMP_PK = 1

# Fields whose passing changes what is shown: temporal status, ``when``
# filters, whether registration is open (a cycle's ends with its last event).
EVENT_BOUNDARIES = ("start", "end", "registration_opens_at", "registration_closes_at")
CYCLE_BOUNDARIES = ("registration_opens_at", "registration_closes_at")


#: Set while ``migrate`` runs (see :func:`migration_started`).
_migrating = False


def changed(boundaries=False):
    """Move the stamp once the current transaction commits (at once outside one).

    ``boundaries``: dates may have changed, so the next boundary is computed again.
    Nothing happens while migrations run: the stamp moves once at their end.
    """
    if _migrating:
        return
    transaction.on_commit(lambda: advance(boundaries=boundaries), robust=True)


def migration_started(**kwargs):
    """``pre_migrate``: the rows migrations save must not move the stamp, whose next
    boundary reads event and cycle tables a site's own migrations may not have made yet."""
    global _migrating  # noqa: PLW0603 - one flag for the process running migrate
    _migrating = True


def migration_ended(**kwargs):
    """``post_migrate`` (every table exists): the stamp moves once, boundaries computed."""
    global _migrating  # noqa: PLW0603
    _migrating = False
    if ChangeStamp._meta.db_table in connection.introspection.table_names():
        move(boundaries=True)


def changed_at():
    """The stamp, or ``None`` when there is none (no row: nothing can be promised)."""
    row = ChangeStamp.objects.filter(pk=STAMP_PK).values_list("changed_at", "next_boundary")
    row = row.first()
    if row is None:
        return None
    stamp, boundary = row
    if boundary is not None and boundary <= timezone.now():
        return move(boundaries=True)
    return stamp


def move(boundaries=False):
    """Move the stamp to now (later than its previous value) and return it."""
    advance(boundaries=boundaries)
    return ChangeStamp.objects.filter(pk=STAMP_PK).values_list("changed_at", flat=True).first()


def advance(boundaries=False):
    """Move the stamp to now, later than its previous value: one ``UPDATE`` when it can.

    Every registration moves the stamp, whatever its event: one statement holds
    the row's lock for that statement alone. When the next boundary must be
    computed again (``boundaries``, a boundary passed, no row yet), it is
    computed under the row's lock, so that it sees every change committed before.
    """
    now = timezone.now()
    later = Greatest(
        Value(now, output_field=DateTimeField()),
        ExpressionWrapper(
            F("changed_at") + dt.timedelta(microseconds=1), output_field=DateTimeField()
        ),
    )
    if not boundaries:
        moved = (
            ChangeStamp.objects.filter(pk=STAMP_PK)
            .filter(Q(next_boundary__isnull=True) | Q(next_boundary__gt=now))
            .update(changed_at=later)
        )
        if moved:
            return
    with transaction.atomic():
        row = ChangeStamp.objects.select_for_update().filter(pk=STAMP_PK)
        row = row.values_list("next_boundary").first()
        if row is not None:
            ChangeStamp.objects.filter(pk=STAMP_PK).update(
                changed_at=later, next_boundary=next_boundary(now)
            )
            # Under the row's lock: one worker alone sees the boundary pass.
            if row[0] is not None and row[0] <= now:
                changes.registration_dates_passed(row[0], now)
        else:
            ChangeStamp.objects.get_or_create(
                pk=STAMP_PK, defaults={"changed_at": now, "next_boundary": next_boundary(now)}
            )


def next_boundary(now):
    """The first start, end, registration opening or deadline from ``now`` on.

    Each date's first value from ``now`` on is read through its index (an
    aggregate with a filter would scan the whole table), all in one query
    on the stamp's row; before the stamp's first move, one query each.
    """
    firsts = {
        f"{model._meta.model_name}_{name}": model.objects.filter(**{f"{name}__gte": now})
        .order_by(name)
        .values_list(name, flat=True)
        for model, names in (
            (queries.event_model(), EVENT_BOUNDARIES),
            (queries.cycle_model(), CYCLE_BOUNDARIES),
        )
        for name in names
    }
    row = (
        ChangeStamp.objects.filter(pk=STAMP_PK)
        .annotate(**{key: Subquery(first[:1]) for key, first in firsts.items()})
        .values(*firsts)
        .first()
    )
    if row is None:
        row = {key: first.first() for key, first in firsts.items()}
    return min((moment for moment in row.values() if moment is not None), default=None)
