from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.factories import OrganisationFactory, SpeakerFactory, ThemeFactory, VenueFactory
from tests.sites import site_text

pytestmark = pytest.mark.django_db


def test_theme_slug_is_filled_from_name_and_kept_unique():
    first = ThemeFactory(name="Égalité femmes-hommes")
    second = ThemeFactory(name="Égalité femmes hommes")
    assert (first.slug, second.slug) == ("egalite-femmes-hommes", "egalite-femmes-hommes-2")


def test_venue_refuses_latitude_out_of_range():
    venue = VenueFactory.build(latitude=Decimal("95"), longitude=Decimal("5"))
    venue.locale_id = VenueFactory().locale_id
    with pytest.raises(ValidationError) as info:
        venue.full_clean()
    assert info.value.message_dict == {
        "latitude": [site_text("La latitude doit être comprise entre -90 et 90.")]
    }


def test_venue_needs_both_coordinates():
    venue = VenueFactory(latitude=Decimal("47.32"))
    with pytest.raises(ValidationError) as info:
        venue.full_clean()
    assert list(info.value.message_dict) == ["longitude"]


def test_venue_address_lines():
    venue = VenueFactory()
    assert venue.address_lines == ["9 bis, boulevard Voltaire", "21000 Dijon"]
    assert str(venue) == "Maison Diocésaine, Dijon"


def test_speaker_affiliation_prefers_the_organisation_record():
    organisation = OrganisationFactory(name="Observatoire des inégalités", acronym="")
    speaker = SpeakerFactory(first_name="Anne", last_name="Brunner", organisation=organisation)
    assert (speaker.full_name, speaker.affiliation) == (
        "Anne Brunner",
        "Observatoire des inégalités",
    )
    free = SpeakerFactory(organisation=None, organisation_name="Université de Franche-Comté")
    assert free.affiliation == "Université de Franche-Comté"


def test_organisation_shows_its_acronym():
    organisation = OrganisationFactory(
        name="Pays et Quartiers de Nouvelle-Aquitaine", acronym="PQN-A"
    )
    assert str(organisation) == "Pays et Quartiers de Nouvelle-Aquitaine (PQN-A)"
    assert organisation.display_name == "PQN-A"
