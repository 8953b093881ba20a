"""Extraction, translation and publication through wagtail-localize, for every block
type of the package and every translatable model."""

import datetime as dt

import pytest
import wagtail_factories

from tests.factories import (
    AudienceFactory,
    CyclePageFactory,
    EventFormatFactory,
    EventPageFactory,
    OrganisationFactory,
    SpeakerFactory,
    ThemeFactory,
    VenueFactory,
    paris,
)
from tests.i18n.helpers import extracted_strings, tr, translate
from tests.sites import other_language
from wagtail_rencontres import conf
from wagtail_rencontres.enums import EventStatus, RegistrationMode

DAY = dt.date(2024, 11, 28)


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(title="Affiche")


@pytest.fixture
def document(db):
    return wagtail_factories.DocumentFactory(title="Plaquette")


@pytest.fixture
def records(db):
    return {
        "speaker": SpeakerFactory(first_name="Laure", last_name="Pitti", job_title="Sociologue"),
        "audience": AudienceFactory(name="Élus"),
        "venue": VenueFactory(latitude="47.316700", longitude="5.016700"),
        "format": EventFormatFactory(name="Journée thématique"),
        "theme": ThemeFactory(name="Santé"),
    }


def full_event(agenda, records, image, document):
    """An event using every block type of every StreamField of the package."""
    return EventPageFactory(
        parent=agenda,
        title="Santé communautaire",
        slug="sante-communautaire",
        subtitle="Une journée thématique",
        start=paris(DAY, 9),
        end=paris(DAY, 15, 30),
        status=EventStatus.SCHEDULED,
        venue=records["venue"],
        format=records["format"],
        image=image,
        themes=[records["theme"]],
        audiences=[records["audience"]],
        audience_text="<p>Pour les élus</p>",
        practical_info="<p>Déjeuner offert</p>",
        funding_statement="Cofinancé par l'Union européenne",
        registration_mode=RegistrationMode.EXTERNAL,
        registration_url="https://example.org/inscription",
        registration_link_label="S'inscrire",
        registration_closes_at=paris(DAY - dt.timedelta(days=7), 23, 59),
        objectives=[{"type": "objective", "id": "obj-1", "value": "Comprendre la santé"}],
        body=[
            {"type": "heading", "id": "body-heading", "value": "Contexte"},
            {"type": "paragraph", "id": "body-paragraph", "value": "<p>Un paragraphe</p>"},
            {"type": "image", "id": "body-image", "value": image.pk},
            {"type": "quote", "id": "body-quote", "value": "Une citation"},
        ],
        documents=[
            {
                "type": "document",
                "id": "doc-document",
                "value": {"document": document.pk, "title": "Le programme"},
            },
            {
                "type": "link",
                "id": "doc-link",
                "value": {"label": "En savoir plus", "url": "https://example.org/plus"},
            },
        ],
        resources=[
            {
                "type": "slides",
                "id": "res-slides",
                "value": {"document": document.pk, "title": "Diaporama"},
            },
            {
                "type": "recording",
                "id": "res-recording",
                "value": {"title": "Captation", "embed": "https://www.youtube.com/watch?v=abc"},
            },
            {
                "type": "proceedings",
                "id": "res-proceedings",
                "value": {"document": document.pk, "title": "Actes"},
            },
            {
                "type": "link",
                "id": "res-link",
                "value": {"label": "Synthèse", "url": "https://example.org/synthese"},
            },
        ],
        programme=[
            {
                "type": "day",
                "id": "day-1",
                "value": {
                    "date": DAY.isoformat(),
                    "title": "Premier jour",
                    "sessions": [
                        {
                            "type": "item",
                            "id": "session-1",
                            "value": {
                                "start_time": "09:30",
                                "end_time": "11:00",
                                "title": "Conférence",
                                "format": "talk",
                                "description": "<p>Une histoire</p>",
                                "speakers": [
                                    {
                                        "type": "item",
                                        "id": "ref-1",
                                        "value": {
                                            "speaker": records["speaker"].pk,
                                            "role": "modératrice",
                                        },
                                    }
                                ],
                                "room": "Salle A",
                                "remote": False,
                                "restricted_audiences": [
                                    {
                                        "type": "item",
                                        "id": "aud-1",
                                        "value": records["audience"].pk,
                                    }
                                ],
                                "capacity": 30,
                            },
                        }
                    ],
                },
            }
        ],
    )


EVENT_STRINGS = [
    ("audience_text", "Pour les élus"),
    ("body.body-heading", "Contexte"),
    ("body.body-paragraph", "Un paragraphe"),
    ("body.body-quote", "Une citation"),
    ("documents.doc-document.title", "Le programme"),
    ("documents.doc-link.label", "En savoir plus"),
    ("funding_statement", "Cofinancé par l'Union européenne"),
    ("objectives.obj-1", "Comprendre la santé"),
    ("practical_info", "Déjeuner offert"),
    ("programme.day-1.sessions.session-1.description", "Une histoire"),
    ("programme.day-1.sessions.session-1.room", "Salle A"),
    ("programme.day-1.sessions.session-1.speakers.ref-1.role", "modératrice"),
    ("programme.day-1.sessions.session-1.title", "Conférence"),
    ("programme.day-1.title", "Premier jour"),
    ("registration_link_label", "S'inscrire"),
    ("resources.res-link.label", "Synthèse"),
    ("resources.res-proceedings.title", "Actes"),
    ("resources.res-recording.title", "Captation"),
    ("resources.res-slides.title", "Diaporama"),
    ("slug", "sante-communautaire"),
    ("subtitle", "Une journée thématique"),
    ("title", "Santé communautaire"),
]


def test_event_extraction_gives_the_text_of_every_block_and_no_synchronised_field(
    agenda, records, image, document
):
    event = full_event(agenda, records, image, document)

    assert extracted_strings(event) == EVENT_STRINGS


def test_event_translation_is_published_with_every_block_translated(
    translated_agenda, agenda, translation_locale, records, image, document
):
    event = full_event(agenda, records, image, document)

    translated = translate(event, translation_locale)

    assert translated.live is True
    assert translated.locale == translation_locale
    assert translated.get_parent().specific == translated_agenda
    assert translated.url_path.endswith(f"/sante-communautaire-{other_language()}/")
    assert translated.title == tr("Santé communautaire")
    assert translated.subtitle == tr("Une journée thématique")
    assert translated.audience_text == f"<p>{tr('Pour les élus')}</p>"
    assert translated.practical_info == f"<p>{tr('Déjeuner offert')}</p>"
    assert translated.funding_statement == tr("Cofinancé par l'Union européenne")
    assert translated.registration_link_label == tr("S'inscrire")
    assert translated.objectives.raw_data[0]["value"] == tr("Comprendre la santé")
    body = {child.id: child for child in translated.body}
    assert body["body-heading"].value == tr("Contexte")
    assert body["body-paragraph"].value.source == f"<p>{tr('Un paragraphe')}</p>"
    assert body["body-image"].value == image
    assert body["body-quote"].value == tr("Une citation")
    documents = {child.id: child.value for child in translated.documents}
    assert documents["doc-document"]["document"] == document
    assert documents["doc-document"]["title"] == tr("Le programme")
    assert documents["doc-link"]["label"] == tr("En savoir plus")
    assert documents["doc-link"]["url"] == "https://example.org/plus"
    resources = {child.id: child.value for child in translated.resources}
    assert resources["res-slides"]["title"] == tr("Diaporama")
    assert resources["res-slides"]["document"] == document
    assert resources["res-recording"]["title"] == tr("Captation")
    assert resources["res-recording"]["embed"].url == "https://www.youtube.com/watch?v=abc"
    assert resources["res-proceedings"]["title"] == tr("Actes")
    assert resources["res-link"]["label"] == tr("Synthèse")
    assert resources["res-link"]["url"] == "https://example.org/synthese"
    day = translated.programme[0].value
    assert day["date"] == DAY
    assert day["title"] == tr("Premier jour")
    session = day["sessions"][0]
    assert session["title"] == tr("Conférence")
    assert session["description"].source == f"<p>{tr('Une histoire')}</p>"
    assert session["room"] == tr("Salle A")
    assert session["start_time"] == dt.time(9, 30)
    assert session["end_time"] == dt.time(11, 0)
    assert session["format"] == "talk"
    assert session["capacity"] == 30
    assert session["speakers"][0]["role"] == tr("modératrice")
    # Chosen records are synchronised: the source's, whatever their translations.
    assert session["speakers"][0]["speaker"] == records["speaker"]
    assert list(session["restricted_audiences"]) == [records["audience"]]


def test_event_translation_keeps_synchronised_fields(
    translated_agenda, agenda, translation_locale, records, image, document
):
    event = full_event(agenda, records, image, document)

    translated = translate(event, translation_locale)

    assert (translated.start, translated.end) == (event.start, event.end)
    assert translated.timezone == "Europe/Paris"
    assert translated.all_day is False
    assert translated.status == EventStatus.SCHEDULED
    assert translated.venue_id == records["venue"].pk
    assert translated.format_id == records["format"].pk
    assert translated.image_id == image.pk
    assert list(translated.themes.all()) == [records["theme"]]
    assert list(translated.audiences.all()) == [records["audience"]]
    assert translated.registration_mode == RegistrationMode.EXTERNAL
    assert translated.registration_url == "https://example.org/inscription"
    assert translated.registration_closes_at == event.registration_closes_at
    assert translated.uuid != event.uuid


def test_event_update_resynchronises_dates_status_and_venue(
    translated_agenda, agenda, translation_locale, records, image, document
):
    event = full_event(agenda, records, image, document)
    translate(event, translation_locale)
    other_venue = VenueFactory(name="Maison des sports")
    event.start, event.end = paris(DAY, 10), paris(DAY, 16)
    event.status = EventStatus.RESCHEDULED
    event.previous_start = paris(DAY, 9)
    event.venue = other_venue
    event.save_revision().publish()

    translated = translate(
        conf.page_model("EventPage").objects.get(pk=event.pk), translation_locale
    )

    assert (translated.start, translated.end) == (paris(DAY, 10), paris(DAY, 16))
    assert translated.status == EventStatus.RESCHEDULED
    assert translated.previous_start == paris(DAY, 9)
    assert translated.venue_id == other_venue.pk
    assert translated.title == tr("Santé communautaire")


def test_agenda_round_trip(agenda, translation_locale):
    agenda.intro = "<p>Toutes les rencontres</p>"
    agenda.save_revision().publish()
    translate(agenda.get_parent().specific, translation_locale)

    assert extracted_strings(agenda) == [
        ("intro", "Toutes les rencontres"),
        ("slug", "agenda"),
        ("title", "Agenda"),
    ]
    translated = translate(agenda, translation_locale)
    assert (translated.title, translated.slug, translated.intro) == (
        tr("Agenda"),
        f"agenda-{other_language()}",
        f"<p>{tr('Toutes les rencontres')}</p>",
    )
    assert translated.live is True


def test_cycle_round_trip(
    translated_agenda, agenda, translation_locale, records, document, make_event
):
    event = make_event(title="Séance 1")
    cycle = CyclePageFactory(
        parent=agenda,
        title="Cycle de qualification",
        slug="cycle",
        subtitle="Toute l'année",
        description="<p>Un cycle</p>",
        funding_statement="Cofinancé",
        themes=[records["theme"]],
        documents=[
            {
                "type": "document",
                "id": "c-doc",
                "value": {"document": document.pk, "title": "Dépliant"},
            },
            {
                "type": "link",
                "id": "c-link",
                "value": {"label": "Site", "url": "https://example.org"},
            },
        ],
    )
    cycle.sessions.create(event=event, label="Première séquence")
    cycle.save_revision().publish()

    assert extracted_strings(cycle) == [
        ("description", "Un cycle"),
        ("documents.c-doc.title", "Dépliant"),
        ("documents.c-link.label", "Site"),
        ("funding_statement", "Cofinancé"),
        ("slug", "cycle"),
        ("subtitle", "Toute l'année"),
        ("title", "Cycle de qualification"),
    ]
    translated = translate(cycle, translation_locale)
    assert translated.title == tr("Cycle de qualification")
    assert translated.description == f"<p>{tr('Un cycle')}</p>"
    assert translated.funding_statement == tr("Cofinancé")
    documents = [child.value for child in translated.documents]
    assert (documents[0]["title"], documents[0]["document"]) == (tr("Dépliant"), document)
    assert (documents[1]["label"], documents[1]["url"]) == (tr("Site"), "https://example.org")
    assert [(s.event_id, s.label) for s in translated.sessions.all()] == [
        (event.pk, "Première séquence")
    ]
    assert list(translated.themes.all()) == [records["theme"]]


def test_speaker_round_trip(translation_locale, image):
    organisation = OrganisationFactory(name="Université de Bordeaux")
    speaker = SpeakerFactory(
        honorific="Mme",
        first_name="Johanna",
        last_name="Dagorn",
        job_title="Sociologue",
        organisation=organisation,
        organisation_name="Laboratoire",
        bio="<p>Chercheuse</p>",
        photo=image,
        links=[
            {"type": "link", "id": "l-1", "value": {"label": "Page", "url": "https://example.org"}}
        ],
    )

    assert extracted_strings(speaker) == [
        ("bio", "Chercheuse"),
        ("job_title", "Sociologue"),
        ("links.l-1.label", "Page"),
        ("organisation_name", "Laboratoire"),
    ]
    translated = translate(speaker, translation_locale)
    assert translated.pk != speaker.pk
    assert (translated.job_title, translated.organisation_name, translated.bio) == (
        tr("Sociologue"),
        tr("Laboratoire"),
        f"<p>{tr('Chercheuse')}</p>",
    )
    assert translated.links[0].value["label"] == tr("Page")
    assert translated.links[0].value["url"] == "https://example.org"
    assert (translated.honorific, translated.first_name, translated.last_name) == (
        "Mme",
        "Johanna",
        "Dagorn",
    )
    assert (translated.organisation_id, translated.photo_id) == (organisation.pk, image.pk)


def test_venue_round_trip(translation_locale):
    venue = VenueFactory(
        latitude="47.316700",
        longitude="5.016700",
        access="Tram T1, arrêt Foch",
        accessibility="Accès de plain-pied",
    )

    assert extracted_strings(venue) == [
        ("access", "Tram T1, arrêt Foch"),
        ("accessibility", "Accès de plain-pied"),
        ("city", "Dijon"),
        ("department", "Côte-d'Or"),
        ("name", "Maison Diocésaine"),
        ("region", "Bourgogne-Franche-Comté"),
        ("street_address", "9 bis, boulevard Voltaire"),
    ]
    translated = translate(venue, translation_locale)
    assert (translated.name, translated.access, translated.accessibility) == (
        tr("Maison Diocésaine"),
        tr("Tram T1, arrêt Foch"),
        tr("Accès de plain-pied"),
    )
    assert (
        translated.postcode,
        translated.department_code,
        translated.country,
        str(translated.latitude),
        str(translated.longitude),
    ) == ("21000", "21", "FR", "47.316700", "5.016700")


def test_organisation_round_trip(translation_locale, image):
    organisation = OrganisationFactory(
        name="Observatoire des inégalités",
        acronym="OI",
        kind="association",
        logo=image,
        url="https://example.org/oi",
        description="Une association",
    )

    assert extracted_strings(organisation) == [
        ("acronym", "OI"),
        ("description", "Une association"),
        ("name", "Observatoire des inégalités"),
    ]
    translated = translate(organisation, translation_locale)
    assert (translated.name, translated.acronym, translated.description) == (
        tr("Observatoire des inégalités"),
        tr("OI"),
        tr("Une association"),
    )
    assert (translated.kind, translated.logo_id, translated.url) == (
        "association",
        image.pk,
        "https://example.org/oi",
    )


@pytest.mark.parametrize("factory", [ThemeFactory, AudienceFactory, EventFormatFactory])
def test_taxonomy_round_trip_keeps_the_slug(translation_locale, factory):
    term = factory(name="Santé publique", description="Tout sur la santé")

    assert extracted_strings(term) == [
        ("description", "Tout sur la santé"),
        ("name", "Santé publique"),
    ]
    translated = translate(term, translation_locale)
    assert (translated.name, translated.description) == (
        tr("Santé publique"),
        tr("Tout sur la santé"),
    )
    assert translated.slug == "sante-publique"
    assert translated.translation_key == term.translation_key
