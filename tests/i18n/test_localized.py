"""Chosen speakers, venues and terms show in the page's locale, else in the source's."""

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    AudienceFactory,
    EventFormatFactory,
    OrganisationFactory,
    SpeakerFactory,
    VenueFactory,
)
from tests.i18n.helpers import tr, translate
from tests.sites import default_language, other_language
from wagtail_rencontres import conf
from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.services import i18n, programme

DAY = dt.date(2024, 11, 28)


def session(title, start, speakers=(), audiences=()):
    return {
        "type": "item",
        "id": str(uuid.uuid4()),
        "value": {
            "start_time": start,
            "end_time": None,
            "title": title,
            "format": "talk",
            "description": "",
            "speakers": [
                {"type": "item", "id": str(uuid.uuid4()), "value": {"speaker": s.pk, "role": ""}}
                for s in speakers
            ],
            "room": "",
            "remote": False,
            "restricted_audiences": [
                {"type": "item", "id": str(uuid.uuid4()), "value": a.pk} for a in audiences
            ],
            "capacity": None,
        },
    }


def programme_of(*sessions):
    return [{"type": "day", "value": {"date": DAY.isoformat(), "title": "", "sessions": sessions}}]


def test_localized_gives_the_translation_when_there_is_one(translation_locale):
    venue = VenueFactory(name="Maison des sports")
    translated = translate(venue, translation_locale)

    assert i18n.localized(venue, translation_locale) == translated
    assert i18n.localized(translated, venue.locale) == venue


def test_localized_falls_back_to_the_source(translation_locale):
    venue = VenueFactory(name="Maison des sports")

    assert i18n.localized(venue, translation_locale) == venue
    assert i18n.localized(None, translation_locale) is None


def test_localized_costs_no_query_in_the_record_locale(source_locale, django_assert_num_queries):
    venue = VenueFactory()

    with django_assert_num_queries(0):
        assert i18n.localized(venue, source_locale) == venue


@pytest.mark.parametrize("count", [1, 6])
def test_localized_many_costs_one_query_per_model(
    translation_locale, count, django_assert_num_queries
):
    speakers = [SpeakerFactory() for _ in range(count)]
    audiences = [AudienceFactory() for _ in range(count)]
    translated = [translate(speaker, translation_locale) for speaker in speakers[::2]]

    with django_assert_num_queries(2):
        shown = i18n.localized_many([*speakers, None, *audiences], translation_locale)

    expected_speakers = [
        translated[index // 2] if index % 2 == 0 else speaker
        for index, speaker in enumerate(speakers)
    ]
    assert shown == [*expected_speakers, None, *audiences]


@pytest.fixture
def translated_event(translated_agenda, translation_locale, make_event):
    """An event and its translation, with records partly translated."""

    def build(speakers, restricted=(), **fields):
        event = make_event(
            programme=programme_of(
                session("Conférence", "09:30", speakers=speakers),
                session("Atelier", "14:00", speakers=speakers, audiences=restricted),
            ),
            **fields,
        )
        return event, translate(event, translation_locale)

    return build


def test_programme_shows_speakers_and_audiences_in_the_page_locale(
    translation_locale, translated_event
):
    translated_speaker = SpeakerFactory(
        first_name="Laure", last_name="Pitti", job_title="Sociologue"
    )
    untranslated_speaker = SpeakerFactory(first_name="Anne", last_name="Brunner")
    audience = AudienceFactory(name="Élus")
    translate(translated_speaker, translation_locale)
    translate(audience, translation_locale)
    event, translation = translated_event(
        [translated_speaker, untranslated_speaker], restricted=[audience]
    )

    days = programme.days(translation, include_private=True)

    speakers = [
        (ref.speaker.job_title, ref.speaker.locale.language_code)
        for ref in days[0].sessions[0].speakers
    ]
    assert speakers == [(tr("Sociologue"), other_language()), ("Sociologue", default_language())]
    assert days[0].sessions[1].restricted_to == [tr("Élus")]
    source_days = programme.days(event, include_private=True)
    assert [ref.speaker for ref in source_days[0].sessions[0].speakers] == [
        translated_speaker,
        untranslated_speaker,
    ]
    assert source_days[0].sessions[1].restricted_to == ["Élus"]


@pytest.mark.parametrize("count", [1, 5])
def test_programme_localisation_query_count_does_not_grow(
    translation_locale, translated_event, count
):
    speakers = [SpeakerFactory(organisation=OrganisationFactory()) for _ in range(count)]
    for speaker in speakers:
        translate(speaker, translation_locale)
    audience = AudienceFactory()
    translate(audience, translation_locale)
    _event, translation = translated_event(speakers, restricted=[audience])
    translation = conf.page_model("EventPage").objects.get(pk=translation.pk)

    with CaptureQueriesContext(connection) as queries:
        days = programme.days(translation, include_private=True)
        affiliations = [ref.speaker.affiliation for ref in days[0].sessions[0].speakers]

    assert len(affiliations) == count
    # speakers and audiences of the source (block values), their translations (2);
    # organisations come with the speakers
    assert len(queries) == 4


def test_translated_page_shows_translated_venue_format_audiences_and_partners(
    client, translation_locale, translated_event
):
    venue = VenueFactory(name="Maison des sports", access="Tram T1")
    event_format = EventFormatFactory(name="Journée thématique")
    audience = AudienceFactory(name="Élus")
    organiser = OrganisationFactory(name="Profession Banlieue")
    partner = OrganisationFactory(name="Observatoire des inégalités")
    for record in (venue, event_format, audience, organiser):
        translate(record, translation_locale)
    speaker = SpeakerFactory(first_name="Laure", last_name="Pitti", job_title="Sociologue")
    translate(speaker, translation_locale)
    event, translation = translated_event(
        [speaker],
        venue=venue,
        format=event_format,
        audiences=[audience],
    )
    event.partners.create(organisation=organiser, role=PartnerRole.ORGANISER)
    event.partners.create(organisation=partner, role=PartnerRole.PARTNER)
    event.save_revision().publish()
    translation = translate(
        conf.page_model("EventPage").objects.get(pk=event.pk), translation_locale
    )

    response = client.get(translation.get_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert tr("Maison des sports") in html
    assert tr("Tram T1") in html
    assert tr("Journée thématique") in html
    assert f"<li>{tr('Élus')}</li>" in html
    assert tr("Sociologue") in html
    assert tr("Profession Banlieue") in html
    # No translation: the source is shown.
    assert "Observatoire des inégalités" in html
    assert tr("Observatoire") not in html
