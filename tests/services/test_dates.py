import datetime as dt
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail_rencontres.enums import TemporalStatus
from wagtail_rencontres.services import dates

UTC = dt.UTC


def test_make_local_winter_is_utc_plus_one():
    value = dates.make_local(dt.date(2024, 11, 28), dt.time(9), "Europe/Paris")
    assert value.astimezone(UTC) == dt.datetime(2024, 11, 28, 8, 0, tzinfo=UTC)


def test_make_local_summer_is_utc_plus_two():
    value = dates.make_local(dt.date(2024, 7, 4), dt.time(9), "Europe/Paris")
    assert value.astimezone(UTC) == dt.datetime(2024, 7, 4, 7, 0, tzinfo=UTC)


def test_make_local_rejects_time_skipped_by_spring_forward():
    with pytest.raises(ValidationError) as info:
        dates.make_local(dt.date(2025, 3, 30), dt.time(2, 30), "Europe/Paris")
    assert info.value.code == "nonexistent_time"


def test_make_local_ambiguous_autumn_time_takes_first_occurrence():
    value = dates.make_local(dt.date(2025, 10, 26), dt.time(2, 30), "Europe/Paris")
    assert value.astimezone(UTC) == dt.datetime(2025, 10, 26, 0, 30, tzinfo=UTC)


def test_make_local_lenient_moves_past_the_gap():
    value = dates.make_local_lenient(dt.date(2025, 3, 30), dt.time(2, 30), "Europe/Paris")
    assert value.astimezone(UTC) == dt.datetime(2025, 3, 30, 1, 30, tzinfo=UTC)


def test_reinterpret_reads_wall_clock_in_event_timezone():
    typed = dt.datetime(2025, 3, 20, 9, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
    with timezone.override("Europe/Paris"):
        value = dates.reinterpret(typed, "America/Cayenne")
    assert value.astimezone(UTC) == dt.datetime(2025, 3, 20, 12, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (dt.datetime(2024, 11, 28, 7, 59, tzinfo=UTC), TemporalStatus.UPCOMING),
        (dt.datetime(2024, 11, 28, 8, 0, tzinfo=UTC), TemporalStatus.ONGOING),
        (dt.datetime(2024, 11, 28, 14, 30, tzinfo=UTC), TemporalStatus.ONGOING),
        (dt.datetime(2024, 11, 28, 14, 31, tzinfo=UTC), TemporalStatus.PAST),
    ],
)
def test_temporal_status_boundaries(now, expected):
    start = dt.datetime(2024, 11, 28, 8, 0, tzinfo=UTC)
    end = dt.datetime(2024, 11, 28, 14, 30, tzinfo=UTC)
    assert dates.temporal_status(start, end, now) == expected


def test_local_days_of_event_spanning_midnight_in_paris():
    start = dt.datetime(2024, 7, 4, 20, 0, tzinfo=UTC)  # 22:00 in Paris
    end = dt.datetime(2024, 7, 4, 23, 30, tzinfo=UTC)  # 01:30 next day in Paris
    assert dates.local_days(start, end, "Europe/Paris") == (
        dt.date(2024, 7, 4),
        dt.date(2024, 7, 5),
    )
