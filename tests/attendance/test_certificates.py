"""Attendance certificates: hours from the programme, PDF text extracted and asserted."""

import datetime as dt
import io
import json
import re
import zipfile

import pytest
import segno
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import paris
from tests.registration.conftest import programme, workshop
from wagtail_rencontres.enums import RegistrationStatus
from wagtail_rencontres.models import Registration
from wagtail_rencontres.services import registration as service
from wagtail_rencontres.services.attendance import certificates, checkin, hours

pytestmark = pytest.mark.django_db

PAST_DAY = dt.date(2025, 3, 13)


def session(session_id, start, end, session_format="talk"):
    item = workshop(session_id, f"Séance {session_id}", start, end)
    item["value"]["format"] = session_format
    return item


def day_programme(day):
    """9:00–10:30 talk and 10:00–12:00 workshop (overlapping), lunch, 13:30–17:00: 6 h 30."""
    return json.loads(
        programme(
            session("a", "09:00", "10:30"),
            session("b", "10:00", "12:00", "workshop"),
            session("l", "12:00", "13:30", "lunch"),
            session("c", "13:30", "17:00"),
            day=day,
        )
    )[0]


@pytest.fixture
def past_event(make_event):
    def make(days=1, **fields):
        last = PAST_DAY + dt.timedelta(days=days - 1)
        return make_event(
            PAST_DAY,
            9,
            17,
            end=paris(last, 17),
            programme=json.dumps([day_programme(PAST_DAY)]),
            registration_mode="internal",
            **fields,
        )

    return make


def registrant(page, n=1):
    return Registration.objects.create(
        page=page,
        status=RegistrationStatus.CONFIRMED,
        first_name=f"Camille{n}",
        last_name=f"Martin{n}",
        email=f"camille{n}@example.org",
        organisation="Ville de Dijon",
        consent_version="x",
        form_data={},
        language="en",
    )


def pdf_text(data):
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages
    )


def test_hours_count_overlaps_once_and_leave_lunch_out(past_event):
    event = past_event(days=2)
    per_day = hours.day_hours(event)
    # Day 1 from its programme; day 2 has none: the event's times, 9:00 to 17:00.
    assert per_day == {
        PAST_DAY: dt.timedelta(hours=6, minutes=30),
        PAST_DAY + dt.timedelta(days=1): dt.timedelta(hours=8),
    }
    assert hours.hours_label(per_day[PAST_DAY]) == "6 h 30"


@override_settings(
    WAGTAILRENCONTRES_CERTIFICATE_ORGANISER="Centre de ressources Test",
    WAGTAILRENCONTRES_CERTIFICATE_SIGNATORY="Jeanne Dupont, directrice",
)
def test_certificate_gives_event_days_hours_organiser_and_funding(past_event):
    event = past_event(
        days=2, title="Forum des quartiers", funding_statement="Cofinancé par le FSE+"
    )
    person = registrant(event)
    for day in checkin.event_days(event):
        checkin.check_in(person, event, day)
    text = pdf_text(certificates.render_pdf(person))
    assert "Attendance certificate" in text
    assert "Centre de ressources Test certifies that Camille1 Martin1 attended:" in text
    assert "Forum des quartiers" in text
    assert "Total hours attended: 14 h 30" in text
    assert "Jeanne Dupont, directrice" in text
    assert "Cofinancé par le FSE+" in text


def test_cycle_certificate_covers_every_session_attended(past_event, open_cycle):
    first = past_event(title="Séance un")
    second = past_event(title="Séance deux")
    skipped = past_event(title="Séance manquée")
    cycle = open_cycle([first, second, skipped], title="Cycle climat")
    person = registrant(cycle)
    checkin.check_in(person, first, PAST_DAY)
    checkin.check_in(person, second, PAST_DAY)
    text = pdf_text(certificates.render_pdf(person))
    assert ("Cycle climat" in text, "Séance un" in text, "Séance deux" in text) == (True,) * 3
    assert "Séance manquée" not in text
    assert "Total hours attended: 13 h" in text


@pytest.fixture
def steward(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    return user


def test_editor_downloads_one_pdf_or_all_as_a_streamed_zip(client, steward, past_event):
    event = past_event()
    present, other, absent = registrant(event, 1), registrant(event, 2), registrant(event, 3)
    checkin.check_in(present, event, PAST_DAY)
    checkin.check_in(other, event, PAST_DAY)
    one = client.get(reverse("wagtail_rencontres_checkin:certificate", args=[event.pk, present.pk]))
    assert (one.status_code, one["Content-Type"]) == (200, "application/pdf")
    assert "Camille1 Martin1" in pdf_text(one.content)
    missing = client.get(
        reverse("wagtail_rencontres_checkin:certificate", args=[event.pk, absent.pk])
    )
    assert missing.status_code == 404
    response = client.get(reverse("wagtail_rencontres_checkin:certificates_zip", args=[event.pk]))
    assert response.streaming
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert names == [certificates.filename(present), certificates.filename(other)]
    assert "Camille2 Martin2" in pdf_text(archive.read(names[1]))


def self_service_certificate_path(registration):
    page = registration.page.specific
    return page.url + page.reverse_subpage(
        "registration_self_service_certificate",
        kwargs={"token": service.signed_token(registration)},
    ).lstrip("/")


def test_participant_gets_theirs_through_the_self_service_link_after_the_event(
    client, past_event, make_event
):
    event = past_event()
    present, absent = registrant(event, 1), registrant(event, 2)
    checkin.check_in(present, event, PAST_DAY)
    with override_settings(WAGTAILRENCONTRES_REGISTRATION_LINK_DAYS_AFTER_EVENT=None):
        response = client.get(self_service_certificate_path(present))
        assert (response.status_code, response["Cache-Control"]) == (200, "private, no-store")
        assert "Camille1 Martin1" in pdf_text(response.content)
        assert client.get(self_service_certificate_path(absent)).status_code == 404
        page = client.get("/" + service.self_service_url(present).split("/", 3)[3])
        # The token is signed with a timestamp: the page's link is read, not rebuilt,
        # since the second may change between the two signatures.
        link = re.search(r'href="([^"]+/certificate/)"', page.content.decode())
        assert link, "the self-service page links to no certificate"
        linked = client.get(link.group(1))
        assert "Camille1 Martin1" in pdf_text(linked.content)
        forged = self_service_certificate_path(present).replace("/registration/", "/registration/x")
        assert client.get(forged).status_code == 404
    # Before the event ends: no certificate yet.
    future = make_event(dt.date.today() + dt.timedelta(days=30), registration_mode="internal")
    early = registrant(future, 4)
    checkin.check_in(early, future, checkin.event_days(future)[0])
    assert client.get(self_service_certificate_path(early)).status_code == 404


@override_settings(
    WAGTAILRENCONTRES_CERTIFICATE_LOGO="wagtail_rencontres/certificate-test-logo.png",
)
def test_certificate_is_in_the_registrants_language_with_the_logo(past_event, settings, tmp_path):
    logo = tmp_path / "wagtail_rencontres" / "certificate-test-logo.png"
    logo.parent.mkdir()
    segno.make("logo").save(str(logo), scale=4)
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, str(tmp_path)]
    event = past_event(title="Forum")
    person = registrant(event)
    Registration.objects.filter(pk=person.pk).update(language="fr")
    person.refresh_from_db()
    checkin.check_in(person, event, PAST_DAY)
    assert certificates.context(person)["logo_url"] == logo.as_uri()
    data = certificates.render_pdf(person)
    # A string the compiled catalogue already has, and the date the French way.
    assert ("Événement" in pdf_text(data), "jeudi 13 mars 2025" in pdf_text(data)) == (True, True)
    images = [image for page in PdfReader(io.BytesIO(data)).pages for image in page.images]
    assert len(images) == 1
