"""The change stamp: one moment, shared by every worker, that moves whenever
anything the typed API or the ICS feeds show may have changed.

- :func:`changed` schedules a move when a transaction commits (receivers call
  it on saves and deletions of pages, snippets, registrations, view
  restrictions, sites, locales and images, and on publication); most moves
  are one ``UPDATE`` (:func:`advance`).
- :func:`changed_at` reads the stamp: one query. Responses read it *before*
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

from django.db import transaction
from django.db.models import DateTimeField, F, Min, Q, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from wagtail_rencontres.models import ChangeStamp
from wagtail_rencontres.services import queries

STAMP_PK = 1

# Fields whose passing changes what is shown: temporal status, ``when``
# filters, whether registration is open (a cycle's ends with its last event).
EVENT_BOUNDARIES = ("start", "end", "registration_opens_at", "registration_closes_at")
CYCLE_BOUNDARIES = ("registration_opens_at", "registration_closes_at")


def changed(boundaries=False):
    """Move the stamp once the current transaction commits (at once outside one).

    ``boundaries``: dates may have changed, so the next boundary is computed again.
    """
    transaction.on_commit(lambda: advance(boundaries=boundaries), robust=True)


def advance(boundaries=False):
    """Move the stamp to now (later than its previous value), in one ``UPDATE`` when it can.

    Every registration moves the stamp, whatever its event: one statement
    holds the row's lock for that statement alone, where :func:`move` holds
    it over a read, a write and a commit. With ``boundaries``, no row yet,
    or the next boundary passed, the next boundary must be computed under
    the lock: :func:`move` does it.
    """
    if not boundaries:
        now = timezone.now()
        moved = (
            ChangeStamp.objects.filter(pk=STAMP_PK)
            .filter(Q(next_boundary__isnull=True) | Q(next_boundary__gt=now))
            .update(
                changed_at=Greatest(
                    Value(now, output_field=DateTimeField()),
                    F("changed_at") + Value(dt.timedelta(microseconds=1)),
                )
            )
        )
        if moved:
            return
    move(boundaries=boundaries)


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
    now = timezone.now()
    with transaction.atomic():
        stamp = ChangeStamp.objects.select_for_update().filter(pk=STAMP_PK).first()
        if stamp is None:
            stamp = ChangeStamp(pk=STAMP_PK, changed_at=now, next_boundary=now)
        stamp.changed_at = max(now, stamp.changed_at + dt.timedelta(microseconds=1))
        if boundaries or (stamp.next_boundary is not None and stamp.next_boundary <= now):
            stamp.next_boundary = next_boundary(now)
        stamp.save()
    return stamp.changed_at


def next_boundary(now):
    """The first start, end, registration opening or deadline from ``now`` on."""
    moments = []
    for model, names in (
        (queries.event_model(), EVENT_BOUNDARIES),
        (queries.cycle_model(), CYCLE_BOUNDARIES),
    ):
        found = model.objects.aggregate(
            **{name: Min(name, filter=Q(**{f"{name}__gte": now})) for name in names}
        )
        moments += [moment for moment in found.values() if moment is not None]
    return min(moments, default=None)
