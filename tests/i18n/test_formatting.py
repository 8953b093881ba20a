"""Dates the French way on the French site."""

import datetime as dt

import pytest
from django.utils import translation

from tests.factories import EventPageFactory, paris
from wagtail_rencontres.services import formatting

pytestmark = pytest.mark.django_db

DAY = dt.date(2024, 11, 28)


def event(**fields):
    return EventPageFactory.build(start=paris(DAY, 9), end=paris(DAY, 15, 30), **fields)


def test_french_day_and_times_use_french_words_and_hours():
    with translation.override("fr"):
        assert formatting.format_day(DAY) == "jeudi 28 novembre 2024"
        assert formatting.format_time(dt.time(9, 0)) == "9 h"
        assert formatting.format_time(dt.time(15, 30)) == "15 h 30"


def test_french_sentence_from_the_catalogue():
    with translation.override("fr"):
        assert formatting.event_when(event()) == "jeudi 28 novembre 2024, de 9 h à 15 h 30"


def test_english_sentence():
    with translation.override("en"):
        assert formatting.event_when(event()) == "Thursday 28 November 2024, from 9:00 to 15:30"
