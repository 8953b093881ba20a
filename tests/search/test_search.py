"""The search suite: the same tests on SQLite, PostgreSQL, Elasticsearch and OpenSearch."""

import datetime as dt
import logging

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from wagtail.models import PageViewRestriction

from tests.factories import AgendaPageFactory, EventPageFactory, SpeakerFactory
from tests.search.conftest import programme, session
from wagtail_rencontres.services import queries, search, search_text, serializers
from wagtail_rencontres.services.search import Filters
from wagtail_rencontres.text import fold

try:
    import elasticsearch  # noqa: F401 - the testing extra installs it

    # A real Elasticsearch backend pointed at a closed port.
    DEAD_BACKEND = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ["http://127.0.0.1:9"],
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        }
    }
except ImportError:  # e.g. a bare Wagtail 7.4 environment
    DEAD_BACKEND = {"default": {"BACKEND": "tests.search.backends.DownSearchBackend"}}


def titles(query, **kwargs):
    return [hit.title for hit in search.search(query, **kwargs).hits]


def test_fold_removes_accents_and_ligatures():
    assert fold("Œuvrer à l'égalité, ça bouge") == "OEuvrer a l'egalite, ca bouge"


def test_unaccented_query_finds_accented_title(catalogue):
    assert titles("egalite", types=["event"]) == ["Égalité femmes-hommes dans les espaces publics"]


def test_accented_query_finds_the_event(catalogue):
    assert titles("égalité espaces publics", types=["event"]) == [
        "Égalité femmes-hommes dans les espaces publics"
    ]


def test_singular_finds_plural_on_every_backend(catalogue):
    # SQLite through the package's light French normaliser, the others by their stemmers.
    assert titles("discrimination", types=["event"]) == [
        "Prévenir les discriminations à l'embauche"
    ]


def test_speaker_name_finds_the_events_where_they_speak(catalogue):
    assert titles("Norynberg", types=["event"]) == [
        "Égalité femmes-hommes dans les espaces publics"
    ]


def test_speaker_name_finds_the_speaker(catalogue):
    results = search.search("Norynberg", types=["speaker"])
    assert [(hit.type, hit.title) for hit in results.hits] == [("speaker", "Sophie Norynberg")]


def test_speaker_organisation_finds_the_event(catalogue):
    assert titles("Bourgogne université", types=["event"]) == [
        "Égalité femmes-hommes dans les espaces publics"
    ]


def test_editing_a_speaker_venue_or_organisation_reindexes_their_events(catalogue, search_index):
    from wagtail_rencontres.models import Organisation, Speaker, Venue

    speaker = Speaker.objects.get(last_name="Norynberg")
    speaker.last_name = "Kerouani"
    speaker.save()
    venue = Venue.objects.get(city="Dijon")
    venue.city = "Besançon"
    venue.save()
    organisation = Organisation.objects.get(acronym="uB")
    organisation.name = "Université de Franche-Comté"
    organisation.save()
    search_index.refresh()

    espaces = ["Égalité femmes-hommes dans les espaces publics"]
    assert titles("Kerouani", types=["event"]) == espaces
    assert titles("Norynberg", types=["event"]) == []
    assert titles("Besançon", types=["event"]) == espaces
    assert titles("Dijon", types=["event"]) == []
    assert titles("Franche-Comté", types=["event"]) == espaces


def test_city_finds_the_event(catalogue):
    assert titles("Dijon", types=["event"]) == ["Égalité femmes-hommes dans les espaces publics"]


def test_programme_session_title_finds_the_event(catalogue):
    assert titles("marches exploratoires", types=["event"]) == [
        "Égalité femmes-hommes dans les espaces publics"
    ]


@pytest.mark.parametrize("query", ["Motcachézanzibar", "motcachezanzibar", "Tourmaline"])
def test_restricted_session_details_are_not_found(catalogue, query):
    assert search.search(query).count == 0


def test_restricted_session_speaker_does_not_find_the_event(catalogue):
    assert titles("Quintanar", types=["event"]) == []


def test_restricted_session_details_are_not_in_the_indexed_text(catalogue):
    event = catalogue["espaces"]
    indexed = " ".join(
        [
            event.search_programme_text(),
            event.search_speaker_text(),
            event.search_folded_text(),
        ]
    )
    assert "Atelier réservé" in event.search_programme_text()
    assert "zanzibar" not in indexed.lower()
    assert "Tourmaline" not in indexed
    assert "Quintanar" not in indexed


@pytest.mark.parametrize("query", ["zorglub", "xylophone", "adhérents"])
def test_drafts_and_private_pages_are_not_found(catalogue, query):
    assert search.search(query).count == 0


def test_mixed_results_have_their_type(catalogue):
    results = search.search("égalité")
    assert sorted((hit.type, hit.title) for hit in results.hits) == [
        ("cycle", "Cycle égalité et territoires"),
        ("event", "Égalité femmes-hommes dans les espaces publics"),
    ]
    assert results.count == 2
    assert results.counts == {"event": 1, "cycle": 1, "speaker": 0}


def test_hits_name_their_object_as_its_representation_does(catalogue):
    hits = search.search("égalité").hits + search.search("Norynberg", types=["speaker"]).hits
    expected = {
        "event": serializers.event_core,
        "cycle": serializers.cycle_core,
        "speaker": serializers.speaker_core,
    }

    for hit in hits:
        data = expected[hit.type](type(hit.object).objects.get(pk=hit.object.pk))
        assert hit.data == data
        assert hit.title == data.get("title", data.get("full_name"))
        if hit.type != "speaker":  # a speaker's page is below an agenda (test_page.py)
            assert hit.url == data.get("url")
    (event_hit,) = [hit for hit in hits if hit.type == "event"]
    assert event_hit.start == serializers.from_iso(event_hit.data["start"])
    assert event_hit.venue == event_hit.data["venue"]


def test_snippet_and_highlight_show_public_text(catalogue):
    hit = search.search("exploratoires", types=["event"]).hits[0]
    assert "marches exploratoires" in hit.snippet
    assert "<mark>exploratoires</mark>" in hit.highlight
    assert "zanzibar" not in hit.snippet.lower()


def test_facets_count_matching_events(catalogue):
    facets = search.search("politique ville", types=["event"]).facets
    assert facets == {
        "themes": [
            {"value": "egalite", "label": "Égalité femmes-hommes", "count": 1},
            {"value": "discriminations", "label": "Lutte contre les discriminations", "count": 1},
        ],
        "formats": [
            {"value": "journee-thematique", "label": "Journée thématique", "count": 1},
            {"value": "webinaire", "label": "Webinaire", "count": 1},
        ],
        "regions": [
            {"value": "Bourgogne-Franche-Comté", "label": "Bourgogne-Franche-Comté", "count": 1},
            {"value": "Grand Est", "label": "Grand Est", "count": 1},
        ],
        "years": [
            {"value": 2025, "label": "2025", "count": 1},
            {"value": 2024, "label": "2024", "count": 1},
        ],
    }


def test_facets_follow_filters(catalogue):
    facets = search.search("politique ville", filters=Filters(themes=["egalite"])).facets
    assert facets["themes"] == [{"value": "egalite", "label": "Égalité femmes-hommes", "count": 1}]
    assert facets["years"] == [{"value": 2024, "label": "2024", "count": 1}]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(themes=["discriminations"]), ["Prévenir les discriminations à l'embauche"]),
        (
            Filters(formats=["journee-thematique"]),
            ["Égalité femmes-hommes dans les espaces publics"],
        ),
        (Filters(regions=["Grand Est"]), ["Prévenir les discriminations à l'embauche"]),
        (Filters(departments=["21"]), ["Égalité femmes-hommes dans les espaces publics"]),
        (Filters(years=[2025]), ["Prévenir les discriminations à l'embauche"]),
        (Filters(statuses=["cancelled"]), []),
    ],
)
def test_filters_narrow_events(catalogue, filters, expected):
    assert titles("politique ville", filters=filters) == expected


def test_cycle_filter_keeps_its_sessions(catalogue):
    filters = Filters(cycle=catalogue["cycle"].pk)
    assert titles("politique ville", filters=filters) == [
        "Égalité femmes-hommes dans les espaces publics"
    ]


def test_pagination_slices_mixed_results(catalogue):
    first = search.search("politique ville", limit=1, offset=0)
    second = search.search("politique ville", limit=2, offset=1)
    assert first.count == 3
    assert len(first.hits) == 1
    assert len(second.hits) == 2
    seen = [hit.title for hit in first.hits + second.hits]
    assert sorted(seen) == [
        "Cycle égalité et territoires",
        "Prévenir les discriminations à l'embauche",
        "Égalité femmes-hommes dans les espaces publics",
    ]


def test_autocomplete_suggests_titles_and_speaker_names(catalogue):
    # The event is suggested too: its speakers' names are autocompleted.
    assert [(hit.type, hit.title) for hit in search.autocomplete("Nory")] == [
        ("event", "Égalité femmes-hommes dans les espaces publics"),
        ("speaker", "Sophie Norynberg"),
    ]
    assert [(hit.type, hit.title) for hit in search.autocomplete("Prév")] == [
        ("event", "Prévenir les discriminations à l'embauche")
    ]


@pytest.fixture
def hidden_speakers(catalogue, agenda, site_root, search_index):
    """Speakers named only where the public cannot see them, by where that is."""
    day = dt.date(2024, 11, 28)  # the day of the factories' events and of the catalogue's

    def talk(speaker):
        return programme(
            day, [session(dt.time(10), dt.time(11), "Table ronde", speakers=[speaker])]
        )

    draft_speaker = SpeakerFactory(first_name="Aline", last_name="Brumaire")
    EventPageFactory(
        parent=agenda, title="Rencontre en préparation", live=False, programme=talk(draft_speaker)
    ).save_revision()
    private_speaker = SpeakerFactory(first_name="Bruno", last_name="Cadenas")
    private = EventPageFactory(parent=agenda, programme=talk(private_speaker))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    section_speaker = SpeakerFactory(first_name="Chloé", last_name="Enclos")
    section = AgendaPageFactory(parent=site_root, title="Réseau", slug="reseau")
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
    EventPageFactory(parent=section, programme=talk(section_speaker))
    SpeakerFactory(first_name="Denis", last_name="Solitude")  # on no programme at all
    redrafted_speaker = SpeakerFactory(first_name="Élise", last_name="Ebauchet")
    espaces = catalogue["espaces"].get_latest_revision_as_object()
    espaces.programme = talk(redrafted_speaker)
    espaces.save_revision()  # a draft of a live page, not published
    search_index.refresh()
    return catalogue


@pytest.mark.parametrize(
    "name",
    [
        "Quintanar",  # a restricted session of a live, public event
        "Brumaire",  # a draft event
        "Cadenas",  # a live event under a view restriction
        "Enclos",  # a live event in a section under a view restriction
        "Solitude",  # no event
        "Ebauchet",  # the unpublished draft of a live event
    ],
)
def test_speakers_the_public_cannot_see_are_neither_found_nor_suggested(hidden_speakers, name):
    results = search.search(name)
    assert (results.count, results.hits) == (0, [])
    assert search.autocomplete(name[:5]) == []


def test_public_speakers_of_search_and_api_are_the_same(hidden_speakers):
    searched = search.speaker_queryset().order_by("pk")
    assert list(searched) == list(queries.public_speakers().order_by("pk"))
    assert [speaker.last_name for speaker in searched] == ["Norynberg"]


def test_index_follows_publish_unpublish_and_delete(agenda, search_index):
    event = EventPageFactory(parent=agenda, title="Ateliers périurbains", live=False)
    event.save_revision()
    search_index.refresh()
    assert titles("périurbains") == []
    event.save_revision().publish()
    search_index.refresh()
    assert titles("périurbains") == ["Ateliers périurbains"]
    event.refresh_from_db()
    event.unpublish()
    search_index.refresh()
    assert titles("périurbains") == []
    event.save_revision().publish()
    event.refresh_from_db()
    event.delete()
    search_index.refresh()
    assert titles("périurbains") == []


def test_index_follows_edits_of_a_published_event(agenda, search_index):
    event = EventPageFactory(parent=agenda, title="Rencontre annuelle")
    revision = event.get_latest_revision_as_object()
    revision.subtitle = "Avec un focus sur la rénovation urbaine."
    revision.save_revision().publish()
    search_index.refresh()
    assert titles("renovation urbaine") == ["Rencontre annuelle"]


def test_a_down_search_engine_does_not_block_publishing(agenda, search_index, caplog):
    caplog.set_level(logging.ERROR, logger="wagtail_rencontres.services.search")
    with override_settings(WAGTAILSEARCH_BACKENDS=DEAD_BACKEND):
        event = EventPageFactory(parent=agenda, title="Quartiers résilients", live=False)
        event.save_revision().publish()
    event.refresh_from_db()
    assert event.live is True
    # The package indexes event pages (once per publication), and logs the failure.
    assert any("given up" in record.getMessage() for record in caplog.records)
    # The configured backend never received the page: update_index repairs it.
    search_index.refresh()
    assert titles("résilients") == []
    call_command("update_index", verbosity=0)
    search_index.refresh()
    assert titles("résilients") == ["Quartiers résilients"]


def test_a_down_search_engine_raises_search_unavailable(db):
    with override_settings(WAGTAILSEARCH_BACKENDS=DEAD_BACKEND), translation.override("en"):
        with pytest.raises(search.SearchUnavailable) as error:
            search.search("égalité")
        with pytest.raises(search.SearchUnavailable):
            search.autocomplete("éga")
    assert str(error.value) == (
        "The search service is unavailable at the moment. Please try again later."
    )


def test_themes_chosen_at_publication_are_indexed_at_once(agenda, search_index):
    from tests.factories import ThemeFactory

    theme = ThemeFactory(name="Habitat", slug="habitat")
    event = EventPageFactory(parent=agenda, title="Rénovation des copropriétés", live=False)
    event.themes.set([theme])
    event.save_revision().publish()
    search_index.refresh()
    assert titles("copropriétés", filters=Filters(themes=["habitat"])) == [
        "Rénovation des copropriétés"
    ]


def test_year_facets_count_each_event_in_its_french_year(agenda, search_index):
    """Counted in the database, in Europe/Paris: 00:30 on New Year's Day is the new year."""
    new_year = dt.datetime(2025, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    for start in (new_year, new_year - dt.timedelta(hours=1)):
        EventPageFactory(
            parent=agenda,
            title="Réveillon solidaire des quartiers",
            start=start,
            end=start + dt.timedelta(hours=2),
        )
    search_index.refresh()
    facets = search.search("réveillon", types=["event"]).facets
    assert facets["years"] == [
        {"value": 2025, "label": "2025", "count": 1},
        {"value": 2024, "label": "2024", "count": 1},
    ]


def test_snippet_text_read_as_an_outline_is_the_indexed_programme_text(catalogue):
    """Hits cut their snippets from the stored programme, without converting its
    blocks: the same text as the index's, restricted descriptions left out."""
    indexed = queries.event_model().objects.get(pk=catalogue["espaces"].pk)
    search_text.prepare([indexed])
    outlined = queries.event_model().objects.get(pk=catalogue["espaces"].pk)
    search_text.prepare([outlined], speakers=False)
    text = search_text.programme_text(outlined)
    assert text == search_text.programme_text(indexed)
    assert "Retour sur les marches exploratoires." in text
    assert "Atelier réservé" in text
    assert "zanzibar" not in text.lower()
    # Read alone, without prepare(), the same.
    alone = queries.event_model().objects.get(pk=catalogue["espaces"].pk)
    assert search_text.public_days(alone, speakers=False)[0].sessions[0].speakers == []
    assert search_text.programme_text(alone) == text
