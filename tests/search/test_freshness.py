"""Every change to what a page shows reindexes what shows it: saves and deletions of snippets."""

import pytest

from tests.factories import (
    CyclePageFactory,
    EventPageFactory,
    OrganisationFactory,
    SpeakerFactory,
    ThemeFactory,
    VenueFactory,
)
from tests.search.conftest import programme, session
from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.services import search

EVENT = "Rencontre des tiers-lieux"
CYCLE = "Cycle des tiers-lieux"


@pytest.fixture
def world(agenda, search_index):
    """An event and a cycle sharing a partner and a theme; a speaker employed by the partner."""
    partner = OrganisationFactory(name="Réseau Ouvroir", acronym="RO")
    theme = ThemeFactory(name="Économie solidaire", slug="economie-solidaire")
    speaker = SpeakerFactory(first_name="Inès", last_name="Mirabeau", organisation=partner)
    venue = VenueFactory(name="Halle Tamaris", city="Alès")
    event = EventPageFactory(parent=agenda, title=EVENT, venue=venue)
    event.programme = programme(
        event.start.date(),
        [session(event.start.time(), event.end.time(), "Ouverture", speakers=[speaker])],
    )
    event.partners.create(organisation=partner, role=PartnerRole.PARTNER)
    event.save_revision().publish()
    event.themes.set([theme])
    event.save_revision().publish()
    cycle = CyclePageFactory(parent=agenda, title=CYCLE)
    cycle.partners.create(organisation=partner, role=PartnerRole.FUNDER)
    cycle.save_revision().publish()
    cycle.themes.set([theme])
    cycle.save_revision().publish()
    search_index.refresh()
    return {"partner": partner, "theme": theme, "speaker": speaker, "venue": venue}


def found(query, search_index):
    search_index.refresh()
    return sorted((hit.type, hit.title) for hit in search.search(query).hits)


def test_renaming_an_organisation_reindexes_its_events_cycles_and_speakers(world, search_index):
    assert found("Ouvroir", search_index) == [
        ("cycle", CYCLE),
        ("event", EVENT),
        ("speaker", "Inès Mirabeau"),
    ]
    world["partner"].name = "Réseau Quenouille"
    world["partner"].save()

    assert found("Ouvroir", search_index) == []
    assert found("Quenouille", search_index) == [
        ("cycle", CYCLE),
        ("event", EVENT),
        ("speaker", "Inès Mirabeau"),
    ]


def test_renaming_a_theme_reindexes_its_events_and_cycles(world, search_index):
    world["theme"].name = "Économie circulaire"
    world["theme"].save()

    assert found("circulaire", search_index) == [("cycle", CYCLE), ("event", EVENT)]
    assert found("solidaire", search_index) == []


def test_a_deleted_speaker_no_longer_finds_the_events(world, search_index):
    assert found("Mirabeau", search_index) == [("event", EVENT), ("speaker", "Inès Mirabeau")]
    world["speaker"].delete()

    assert found("Mirabeau", search_index) == []


def test_a_deleted_venue_no_longer_finds_the_events(world, search_index):
    world["venue"].delete()

    assert found("Tamaris", search_index) == []
    assert found("tiers-lieux", search_index) == [("cycle", CYCLE), ("event", EVENT)]


def test_a_speaker_changing_organisation_is_found_by_the_new_one(world, search_index):
    world["speaker"].organisation = OrganisationFactory(name="Coopérative Sarabande")
    world["speaker"].save()

    assert found("Sarabande", search_index) == [("event", EVENT), ("speaker", "Inès Mirabeau")]
