"""One ordering across events, cycles and speakers: title, then text, then job title;
upcoming events boosted."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import CyclePageFactory, EventPageFactory, SpeakerFactory, paris
from tests.search.conftest import programme, session
from wagtail_rencontres.services import search


def ordered(query):
    return [(hit.type, hit.title) for hit in search.search(query).hits]


def _publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def urbanisme(agenda, search_index):
    """A cycle titled with the word, an event saying it, a speaker whose job title holds it."""
    day = dt.date(2025, 5, 20)
    planner = SpeakerFactory(first_name="Léa", last_name="Martin", job_title="Chargée d'urbanisme")
    _publish(
        EventPageFactory(
            parent=agenda,
            title="Rencontre des territoires",
            subtitle="Une journée sur l'urbanisme et les quartiers.",
            start=paris(day, 9),
            end=paris(day, 17),
            programme=programme(
                day, [session(dt.time(10), dt.time(11), "Accueil", speakers=[planner])]
            ),
        )
    )
    _publish(CyclePageFactory(parent=agenda, title="Urbanisme et transitions"))
    search_index.refresh()


def test_a_title_match_beats_a_text_match_which_beats_a_job_title_match(urbanisme):
    assert ordered("urbanisme") == [
        ("cycle", "Urbanisme et transitions"),
        ("event", "Rencontre des territoires"),
        ("speaker", "Léa Martin"),
    ]


@pytest.fixture
def mobilite(agenda, search_index):
    """Three events about mobility: past and upcoming, in the title or the subtitle only."""
    past_day = dt.date(2024, 4, 11)
    soon = timezone.localdate() + dt.timedelta(days=30)
    _publish(
        EventPageFactory(
            parent=agenda,
            title="Atelier mobilité rurale",
            start=paris(past_day, 9),
            end=paris(past_day, 12),
        )
    )
    _publish(
        EventPageFactory(
            parent=agenda,
            title="Atelier mobilité solidaire",
            start=paris(soon, 9),
            end=paris(soon, 12),
        )
    )
    _publish(
        EventPageFactory(
            parent=agenda,
            title="Forum des territoires",
            subtitle="La mobilité au programme.",
            start=paris(soon, 14),
            end=paris(soon, 17),
        )
    )
    search_index.refresh()


@pytest.mark.parametrize("query", ["mobilité", "mobilite"])
def test_an_upcoming_event_passes_a_past_one_of_the_same_tier(mobilite, query):
    assert ordered(query) == [
        ("event", "Atelier mobilité solidaire"),
        ("event", "Atelier mobilité rurale"),
        ("event", "Forum des territoires"),
    ]
