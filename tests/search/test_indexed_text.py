"""What the page shows is what search finds: each field, found by a word only it holds."""

import uuid

import pytest
import wagtail_factories

from tests.factories import CyclePageFactory, EventPageFactory, OrganisationFactory
from tests.sites import site_text
from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.services import search

EVENT = "Rencontre des centres sociaux"
CYCLE = "Cycle jeunesse et territoires"


def block(block_type, value):
    return {"type": block_type, "id": str(uuid.uuid4()), "value": value}


@pytest.fixture
def shown(agenda, search_index):
    """An event and a cycle whose partners, funding, objectives, audience and documents differ."""
    fse = OrganisationFactory(name="Fonds social européen", acronym="FSE")
    caf = OrganisationFactory(name="Caisse d'allocations familiales", acronym="CAF")
    plaquette = wagtail_factories.DocumentFactory(title="Plaquette Ribambelle")
    event = EventPageFactory(
        parent=agenda,
        title=EVENT,
        audience_text="<p>Bénévoles de la vie associative.</p>",
        funding_statement="Ce projet est cofinancé par l'Union européenne.",
        objectives=[block("objective", "Outiller les coordinatrices périscolaires")],
        documents=[
            block("document", {"document": plaquette.pk, "title": ""}),
            block("link", {"label": "Dossier Kaléidoscope", "url": "https://example.org/k"}),
        ],
    )
    event.partners.create(organisation=fse, role=PartnerRole.FUNDER, details="Axe inclusion")
    event.save_revision().publish()
    cycle = CyclePageFactory(
        parent=agenda,
        title=CYCLE,
        funding_statement="Soutenu par la préfecture Bourgogne-Franche-Comté.",
        documents=[block("link", {"label": "Programme Farandole", "url": "https://example.org/f"})],
    )
    cycle.partners.create(organisation=caf, role=PartnerRole.PARTNER)
    cycle.save_revision().publish()
    search_index.refresh()


def titles(query):
    return [hit.title for hit in search.search(query, types=["event", "cycle"]).hits]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("FSE", "co-funder's acronym"),
        ("Fonds social", "co-funder's name"),
        ("cofinancé", "funding statement"),
        ("vie associative", "audience text"),
        ("périscolaires", "objectives"),
        ("Ribambelle", "document's own title"),
        ("Kaléidoscope", "link's label"),
        ("inclusion", "partner's details"),
    ],
)
def test_event_is_found_by_a_word_only_in_one_field(shown, query, field):
    assert titles(query) == [EVENT], field


def test_partner_role_is_indexed_in_the_page_language(shown):
    assert titles(f"FSE {site_text('Cofinanceur')}") == [EVENT]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("allocations familiales", "partner's name"),
        ("préfecture", "funding statement"),
        ("Farandole", "link's label"),
    ],
)
def test_cycle_is_found_by_a_word_only_in_one_field(shown, query, field):
    assert titles(query) == [CYCLE], field


@pytest.fixture
def jargon(agenda, search_index):
    """Events naming things by an acronym, by its expansion, or by neither."""
    for title, subtitle in [
        ("Forum des quartiers", "Habiter en QPV aujourd'hui."),
        ("Journée des territoires", "Le rôle de l'intercommunalité."),
        ("Atelier d'accueil", "Pré-inscription conseillée."),
    ]:
        EventPageFactory(parent=agenda, title=title, subtitle=subtitle).save_revision().publish()
    search_index.refresh()


def test_synonyms_find_an_acronym_by_its_expansion_and_back(jargon):
    assert titles("quartiers prioritaires") == ["Forum des quartiers"]
    assert titles("EPCI") == ["Journée des territoires"]


def test_an_acronym_synonym_matches_only_in_capitals(jargon):
    assert titles("programme réussite éducative") == []


def test_synonyms_are_extended_in_settings(agenda, search_index, settings):
    settings.WAGTAILRENCONTRES_SEARCH_SYNONYMS = [["CLAS", "accompagnement à la scolarité"]]
    event = EventPageFactory(parent=agenda, title="Rentrée", subtitle="Les CLAS du département.")
    event.save_revision().publish()
    search_index.refresh()
    assert titles("accompagnement scolarité") == ["Rentrée"]
