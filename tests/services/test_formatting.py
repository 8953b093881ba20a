import datetime as dt

import pytest
from django.utils import translation

from tests.factories import paris
from wagtail_rencontres.services import formatting


class Event:
    def __init__(self, start, end, all_day=False, tz="Europe/Paris"):
        self.start, self.end, self.all_day, self.timezone = start, end, all_day, tz


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "jeudi 28 novembre 2024, de 9 h à 15 h 30"),
        ("en", "Thursday 28 November 2024, from 9:00 to 15:30"),
    ],
)
def test_event_when_single_day(language, expected):
    event = Event(paris(dt.date(2024, 11, 28), 9), paris(dt.date(2024, 11, 28), 15, 30))
    with translation.override(language):
        assert formatting.event_when(event) == expected


def test_event_when_spanning_midnight_names_both_days():
    event = Event(paris(dt.date(2024, 7, 4), 21), paris(dt.date(2024, 7, 5), 1, 30))
    with translation.override("fr"):
        assert (
            formatting.event_when(event)
            == "du jeudi 4 juillet 2024 à 21 h au vendredi 5 juillet 2024 à 1 h 30"
        )


def test_event_when_all_day_multi_day():
    event = Event(paris(dt.date(2025, 3, 29), 0), paris(dt.date(2025, 3, 31), 23), all_day=True)
    with translation.override("fr"):
        assert formatting.event_when(event) == "du samedi 29 mars 2025 au lundi 31 mars 2025"


def test_event_when_uses_the_event_timezone():
    from wagtail_rencontres.services.dates import make_local

    start = make_local(dt.date(2024, 11, 28), dt.time(9), "America/Cayenne")
    event = Event(start, start + dt.timedelta(hours=3), tz="America/Cayenne")
    with translation.override("fr"):
        assert formatting.event_when(event) == "jeudi 28 novembre 2024, de 9 h à 12 h"
