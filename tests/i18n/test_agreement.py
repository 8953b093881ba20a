"""Every output of an event agrees with its one representation.

A source event and its translation choose translated records (venue, format,
theme, organiser), hold a public session with a remote speaker and a session
restricted to elected members. For each of them, the typed API, the v2 API,
ICS, JSON-LD, search hits and the mail context name the venue in the page's
language, give the same URL and dates, and none of them shows the restricted
session's room, description or speaker. Runs on both test sites.
"""

import datetime as dt
import json

import icalendar
import pytest
from django.utils import translation

from tests.api.conftest import session
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
from tests.sites import default_language, other_language
from wagtail_rencontres import conf
from wagtail_rencontres.enums import MailKind, PartnerRole, RegistrationStatus
from wagtail_rencontres.models import Registration, RegistrationMail
from wagtail_rencontres.services import formatting, jsonld, queries, search, serializers
from wagtail_rencontres.services.registration import mails as registration_mails
from wagtail_rencontres.services.representation import from_iso

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.urls")]

SOURCE, TARGET = default_language(), other_language()
DAY = dt.date(2027, 7, 1)
# What only registrants of the restricted session may read.
SECRETS = ("Salle confidentielle", "Ordre du jour réservé", "Huisclos")


@pytest.fixture
def events(translated_agenda, translation_locale, make_event):
    """``{language: event}``: the source event and its translation, fetched afresh."""
    venue = VenueFactory(name="Maison des sports", city="Bobigny")
    event_format = EventFormatFactory(name="Journée thématique")
    theme = ThemeFactory(name="Santé")
    organiser = OrganisationFactory(name="Profession Banlieue", acronym="PB")
    elected = AudienceFactory(name="Élus")
    remote_speaker = SpeakerFactory(first_name="Laure", last_name="Pitti")
    secret_speaker = SpeakerFactory(first_name="Marc", last_name="Huisclos")
    for record in (venue, event_format, theme, organiser, elected, remote_speaker):
        translate(record, translation_locale)
    event = make_event(
        title="Forum santé",
        start=paris(DAY, 9),
        end=paris(DAY, 17),
        venue=venue,
        format=event_format,
        themes=[theme],
        programme=[
            {
                "type": "day",
                "value": {
                    "date": DAY.isoformat(),
                    "title": "",
                    "sessions": [
                        session(
                            "Conférence", "10:00", "11:00", speakers=[remote_speaker], remote=True
                        ),
                        session(
                            "Atelier des élus",
                            "14:00",
                            "15:00",
                            speakers=[secret_speaker],
                            audiences=[elected],
                            room=SECRETS[0],
                            description=f"<p>{SECRETS[1]}</p>",
                        ),
                    ],
                },
            }
        ],
    )
    event.partners.create(organisation=organiser, role=PartnerRole.ORGANISER, sort_order=0)
    event.save_revision().publish()
    translation = translate(
        conf.page_model("EventPage").objects.get(pk=event.pk), translation_locale
    )
    model = conf.page_model("EventPage")
    return {
        SOURCE: model.objects.get(pk=event.pk),
        TARGET: model.objects.get(pk=translation.pk),
    }


def in_language(text, language):
    """``text`` as the event in ``language`` shows it (the source is not translated)."""
    return text if language == SOURCE else tr(text)


def representation(event):
    return serializers.event_full(conf.page_model("EventPage").objects.get(pk=event.pk))


def assert_no_secret(text):
    assert [secret for secret in SECRETS if secret in text] == []


@pytest.mark.parametrize("language", [SOURCE, TARGET])
def test_the_representation_applies_the_language_and_privacy_rules(events, language):
    data = representation(events[language])

    assert data["venue"]["name"] == in_language("Maison des sports", language)
    assert data["format"]["name"] == in_language("Journée thématique", language)
    assert [theme["name"] for theme in data["themes"]] == [in_language("Santé", language)]
    assert [link["organisation"]["name"] for link in data["partners"]] == [
        in_language("Profession Banlieue", language)
    ]
    sessions = data["programme"]["days"][0]["sessions"]
    assert [(s["title"], s["remote"], s["restricted"]) for s in sessions] == [
        (in_language("Conférence", language), True, False),
        (in_language("Atelier des élus", language), False, True),
    ]
    assert (sessions[1]["room"], sessions[1]["description"], sessions[1]["speakers"]) == (
        None,
        None,
        [],
    )
    assert [s["full_name"] for s in data["programme"]["speakers"]] == ["Laure Pitti"]
    assert_no_secret(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize("language", [SOURCE, TARGET])
def test_ics_agrees_with_the_representation(client, events, language):
    data = representation(events[language])

    response = client.get(f"/rencontres/ics/events/{data['id']}.ics")
    body = b"".join(response.streaming_content) if response.streaming else response.content

    # Long lines are folded (CRLF and a space): unfold them before looking for text.
    assert_no_secret(body.replace(b"\r\n ", b"").decode())
    (vevent,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == data["title"]
    assert str(vevent["URL"]) == data["url"]
    assert str(vevent["LOCATION"]) == ", ".join(
        [data["venue"]["name"], *data["venue"]["address_lines"]]
    )
    assert [str(c) for c in vevent["CATEGORIES"].cats] == [t["name"] for t in data["themes"]]
    assert vevent.decoded("DTSTART") == from_iso(data["start"])
    assert vevent.decoded("DTSTART").tzinfo.key == data["timezone"]


@pytest.mark.parametrize("language", [SOURCE, TARGET])
def test_jsonld_agrees_with_the_representation(events, language):
    data = representation(events[language])

    ld = jsonld.event_data(conf.page_model("EventPage").objects.get(pk=data["id"]))

    assert_no_secret(json.dumps(ld, ensure_ascii=False))
    assert ld["name"] == data["title"]
    assert ld["url"] == data["url"]
    assert ld["startDate"] == data["start"]
    assert ld["inLanguage"] == data["locale"] == language
    assert ld["location"]["name"] == data["venue"]["name"]
    assert ld["location"]["address"]["addressLocality"] == data["venue"]["city"]
    assert [org["name"] for org in ld["organizer"]] == [
        link["organisation"]["name"] for link in data["partners"]
    ]
    assert [person["name"] for person in ld["performer"]] == [
        s["full_name"] for s in data["programme"]["speakers"]
    ]


@pytest.mark.parametrize("language", [SOURCE, TARGET])
def test_search_hits_agree_with_the_representation(events, language):
    data = representation(events[language])

    hits = search.search("Forum", language_code=language).hits

    assert [hit.type for hit in hits] == ["event"]
    (hit,) = hits
    assert (hit.title, hit.url) == (data["title"], data["url"])
    assert hit.start == from_iso(data["start"])
    assert hit.venue["name"] == data["venue"]["name"]
    assert hit.data == {key: data[key] for key in hit.data}
    assert_no_secret(hit.snippet + json.dumps(hit.data, ensure_ascii=False))


@pytest.mark.parametrize("language", [SOURCE, TARGET])
def test_typed_api_and_v2_agree_with_the_representation(client, events, language):
    data = representation(events[language])

    for url in (f"/api/rencontres/events/{data['id']}", f"/api/v2/events/{data['id']}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_secret(response.content.decode())
        api = json.loads(response.content)
        assert (api["url"], api["start"], api["venue"]["name"]) == (
            data["url"],
            data["start"],
            data["venue"]["name"],
        )
        assert api["programme"] == data["programme"]


@pytest.mark.parametrize("language", [SOURCE, TARGET])
def test_mail_context_agrees_with_the_representation(events, language):
    data = representation(events[language])

    mail = serializers.mail_context(events[SOURCE], language)

    assert mail["page"] == events[language]
    assert (mail["title"], mail["url"], mail["timezone"]) == (
        data["title"],
        data["url"],
        data["timezone"],
    )
    assert mail["venue"] == {
        "name": data["venue"]["name"],
        "address_lines": data["venue"]["address_lines"],
    }
    assert mail["is_cycle"] is False
    with translation.override(language):
        assert mail["when"] == formatting.event_when(events[language])
    assert_no_secret(json.dumps(mail, default=str, ensure_ascii=False))


def test_mail_context_of_a_cycle_lists_its_sessions_in_the_language(
    agenda, translation_locale, events
):
    cycle = CyclePageFactory(parent=agenda, title="Cycle santé")
    queries.cycle_session_model().objects.create(cycle=cycle, event=events[SOURCE], sort_order=0)
    translate(cycle, translation_locale)
    data = representation(events[TARGET])

    mail = serializers.mail_context(conf.page_model("CyclePage").objects.get(pk=cycle.pk), TARGET)

    assert (mail["is_cycle"], mail["title"]) == (True, tr("Cycle santé"))
    assert [(s["title"], s["url"], s["venue"]["name"]) for s in mail["sessions"]] == [
        (data["title"], data["url"], data["venue"]["name"])
    ]


@pytest.mark.parametrize("language", [SOURCE, TARGET])
def test_sent_mail_and_its_ics_agree_with_the_representation(events, language):
    """The registrant's mail names the venue and URL of the page in their language."""
    data = representation(events[language])
    registration = Registration.objects.create(
        page=events[SOURCE],
        first_name="Awa",
        last_name="Diallo",
        email="awa@example.org",
        status=RegistrationStatus.CONFIRMED,
        language=language,
        form_data={},
    )
    mail = RegistrationMail.objects.create(registration=registration, kind=MailKind.CONFIRMED)

    message = registration_mails.build_message(mail)

    assert data["title"] in message.subject
    assert data["venue"]["name"] in message.body
    assert data["url"] in message.body
    assert_no_secret(message.body)
    # The check-in QR code (a PNG) comes with the ICS file.
    ((name, content, mimetype),) = [a for a in message.attachments if a[0] == "event.ics"]
    vevent = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(vevent["location"]).startswith(data["venue"]["name"])
    assert str(vevent["url"]) == data["url"]
    assert_no_secret(content if isinstance(content, str) else content.decode())
