"""Two (or twenty) stewards tapping the same person at once give one attendance record.

Each thread has its own connection and transaction, as concurrent requests do;
the unique constraint decides. PostgreSQL only (see tests/registration/test_concurrency.py).
"""

import pytest
from django.db import connection

from tests.attendance.conftest import FUTURE_DAY
from tests.concurrency import at_once
from tests.registration.test_concurrency import page_tree  # noqa: F401 - autouse fixture
from wagtail_rencontres.models import Attendance
from wagtail_rencontres.services.attendance import checkin

TAPS = 20

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrent transactions need PostgreSQL; SQLite serialises them.",
    ),
]


def test_simultaneous_taps_give_one_record_and_one_first_time(open_event, register):
    event = open_event()
    someone = register(event, 1)

    def tap(_n):
        attendance, created = checkin.check_in(someone, event, FUTURE_DAY)
        return created, attendance.checked_in_at

    results = at_once(tap, TAPS)
    assert [created for created, _at in results].count(True) == 1
    assert len({at for _created, at in results}) == 1
    assert Attendance.objects.filter(registration=someone).count() == 1


def test_simultaneous_walk_ins_never_exceed_the_places(open_event, register):
    event = open_event(registration_capacity=3)
    register(event, 1)

    def walk(n):
        try:
            checkin.walk_in(event, FUTURE_DAY, {"last_name": f"Walker{n}"})
            return "in"
        except checkin.NoPlaceLeft:
            return "full"

    results = at_once(walk, TAPS)
    assert (results.count("in"), results.count("full")) == (2, TAPS - 2)
    assert Attendance.objects.count() == 2
