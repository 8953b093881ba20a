"""Every output of a translated page shows its chosen records in the page's locale.

The page's venue, format, themes, audiences, partner organisations and programme
speakers are the source's records (wagtail-localize synchronises them); the typed
API, the v2 API, ICS, JSON-LD and the search text show their translations, as the
HTML does, and the source record where there is none.
"""

import datetime as dt
import json

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override as translation_override

from tests.factories import (
    AudienceFactory,
    CyclePageFactory,
    EventFormatFactory,
    OrganisationFactory,
    SpeakerFactory,
    ThemeFactory,
    VenueFactory,
    paris,
)
from tests.i18n.helpers import tr, translate
from tests.i18n.test_localized import session
from tests.sites import default_language, other_language
from wagtail_rencontres import conf
from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.services import jsonld, search_text

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.urls")]

SOURCE, TARGET = default_language(), other_language()

API = "/api/rencontres"


@pytest.fixture
def records(translation_locale):
    """Chosen records, all translated to the other language except one partner."""
    records = {
        "venue": VenueFactory(name="Maison des sports", city="Bobigny"),
        "format": EventFormatFactory(name="Journée thématique"),
        "theme": ThemeFactory(name="Santé"),
        "audience": AudienceFactory(name="Élus"),
        "organiser": OrganisationFactory(name="Profession Banlieue", acronym="PB"),
        "speaker": SpeakerFactory(first_name="Laure", last_name="Pitti", job_title="Sociologue"),
    }
    for record in records.values():
        translate(record, translation_locale)
    records["partner"] = OrganisationFactory(name="Observatoire des inégalités", acronym="")
    return records


@pytest.fixture
def make_bilingual(translated_agenda, translation_locale, make_event, records):
    """make_bilingual(title) → (source event, its translation), both with the records."""

    def make(title="Forum santé", day=dt.date(2027, 7, 1)):
        event = make_event(
            title=title,
            start=paris(day, 9),
            end=paris(day, 17),
            venue=records["venue"],
            format=records["format"],
            themes=[records["theme"]],
            audiences=[records["audience"]],
            programme=[
                {
                    "type": "day",
                    "value": {
                        "date": day.isoformat(),
                        "title": "",
                        "sessions": [session("Conférence", "09:30", speakers=[records["speaker"]])],
                    },
                }
            ],
        )
        # Editor order, as the admin's inline panel sets it (ties have no order on PostgreSQL).
        event.partners.create(
            organisation=records["organiser"], role=PartnerRole.ORGANISER, sort_order=0
        )
        event.partners.create(
            organisation=records["partner"], role=PartnerRole.PARTNER, sort_order=1
        )
        event.save_revision().publish()
        event = conf.page_model("EventPage").objects.get(pk=event.pk)
        return event, translate(event, translation_locale)

    return make


TRANSLATION_CHOICES = {
    "venue": (tr("Maison des sports"), TARGET),
    "format": tr("Journée thématique"),
    "themes": [tr("Santé")],
    "audiences": [tr("Élus")],
    # The partner has no translation: its source is shown.
    "partners": [(tr("Profession Banlieue"), TARGET), ("Observatoire des inégalités", SOURCE)],
}
SOURCE_CHOICES = {
    "venue": ("Maison des sports", SOURCE),
    "format": "Journée thématique",
    "themes": ["Santé"],
    "audiences": ["Élus"],
    "partners": [("Profession Banlieue", SOURCE), ("Observatoire des inégalités", SOURCE)],
}


def choices(data):
    return {
        "venue": (data["venue"]["name"], data["venue"]["locale"]),
        "format": data["format"]["name"],
        "themes": [item["name"] for item in data["themes"]],
        "audiences": [item["name"] for item in data["audiences"]],
        "partners": [
            (item["organisation"]["name"], item["organisation"]["locale"])
            for item in data["partners"]
        ],
    }


def speakers(data):
    return [(item["job_title"], item["locale"]) for item in data["programme"]["speakers"]]


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def test_typed_api_list_shows_records_in_each_event_locale(client, make_bilingual):
    make_bilingual()

    translation = get_json(client, f"{API}/events?locale={TARGET}&expand=programme")["results"][0]
    source = get_json(client, f"{API}/events?locale={SOURCE}&expand=programme")["results"][0]

    assert choices(translation) == TRANSLATION_CHOICES
    assert speakers(translation) == [(tr("Sociologue"), TARGET)]
    assert choices(source) == SOURCE_CHOICES
    assert speakers(source) == [("Sociologue", SOURCE)]


def test_typed_api_detail_shows_records_in_the_event_locale(client, make_bilingual):
    _source, translation = make_bilingual()

    data = get_json(client, f"{API}/events/{translation.pk}")

    assert choices(data) == TRANSLATION_CHOICES
    assert speakers(data) == [(tr("Sociologue"), TARGET)]


def test_v2_list_and_detail_show_records_in_the_event_locale(client, make_bilingual):
    _source, translation = make_bilingual()
    fields = "venue,format,themes,audiences,partners,programme"

    listed = get_json(client, f"/api/v2/events/?locale={TARGET}&fields={fields}")["items"][0]
    detail = get_json(client, f"/api/v2/events/{translation.pk}/")

    assert choices(listed) == TRANSLATION_CHOICES
    assert choices(detail) == TRANSLATION_CHOICES
    assert speakers(detail) == [(tr("Sociologue"), TARGET)]


def test_ics_shows_venue_and_themes_in_the_event_locale(client, make_bilingual):
    _source, translation = make_bilingual()

    for url in (
        f"/rencontres/ics/events/{translation.pk}.ics",
        f"/rencontres/ics/events.ics?locale={TARGET}",
    ):
        response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        (vevent,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
        assert str(vevent["LOCATION"]).split(", ")[0] == tr("Maison des sports")
        assert [str(c) for c in vevent["CATEGORIES"].cats] == [tr("Santé")]


def test_jsonld_shows_place_organisers_and_performers_in_the_event_locale(make_bilingual):
    source, translation = make_bilingual()

    translated_data = jsonld.event_data(conf.page_model("EventPage").objects.get(pk=translation.pk))
    source_data = jsonld.event_data(conf.page_model("EventPage").objects.get(pk=source.pk))

    assert translated_data["location"]["name"] == tr("Maison des sports")
    assert [org["name"] for org in translated_data["organizer"]] == [tr("Profession Banlieue")]
    assert [org["name"] for org in translated_data["sponsor"]] == ["Observatoire des inégalités"]
    assert translated_data["performer"] == [
        {"@type": "Person", "name": "Laure Pitti", "jobTitle": tr("Sociologue")}
    ]
    assert source_data["location"]["name"] == "Maison des sports"
    assert [org["name"] for org in source_data["organizer"]] == ["Profession Banlieue"]


def test_search_text_indexes_records_in_the_page_locale(make_bilingual):
    source, translation = make_bilingual()
    translation = conf.page_model("EventPage").objects.get(pk=translation.pk)
    source = conf.page_model("EventPage").objects.get(pk=source.pk)

    assert search_text.place_text(translation) == f"{tr('Maison des sports')} {tr('Bobigny')}"
    assert (
        search_text.taxonomy_text(translation)
        == f"{tr('Santé')} {tr('Élus')} {tr('Journée thématique')}"
    )
    with translation_override(other_language()):
        organiser, partner = PartnerRole.ORGANISER.label, PartnerRole.PARTNER.label
        expected = f"{tr('Profession Banlieue')} {tr('PB')} {organiser} Observatoire des inégalités"
        assert search_text.partner_text(translation) == f"{expected} {partner}"
    assert search_text.taxonomy_text(source) == "Santé Élus Journée thématique"


def test_typed_api_cycles_show_terms_and_partners_in_the_cycle_locale(
    client, translated_agenda, agenda, translation_locale, records
):
    cycle = CyclePageFactory(
        parent=agenda,
        title="Cycle santé",
        themes=[records["theme"]],
        audiences=[records["audience"]],
    )
    cycle.partners.create(organisation=records["organiser"], role=PartnerRole.ORGANISER)
    cycle.save_revision().publish()
    translated_cycle = translate(
        conf.page_model("CyclePage").objects.get(pk=cycle.pk), translation_locale
    )

    listed = get_json(client, f"{API}/cycles?locale={TARGET}")["results"][0]
    detail = get_json(client, f"{API}/cycles/{translated_cycle.pk}")

    for data in (listed, detail):
        assert [item["name"] for item in data["themes"]] == [tr("Santé")]
        assert [item["name"] for item in data["audiences"]] == [tr("Élus")]
        assert [item["organisation"]["name"] for item in data["partners"]] == [
            tr("Profession Banlieue")
        ]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        f"{API}/events?locale={TARGET}&expand=programme&limit=100",
        f"/api/v2/events/?locale={TARGET}",
    ],
)
def test_translated_list_query_count_is_constant(client, make_bilingual, url):
    make_bilingual(title="Forum 0")
    one = count_queries(client, url)
    for n in range(1, 6):
        make_bilingual(title=f"Forum {n}", day=dt.date(2027, 7, 1 + n))

    many = count_queries(client, url)

    assert len(get_json(client, url).get("results", get_json(client, url).get("items"))) == 6
    assert many == one
