"""Copying an event for its next edition moves every date and keeps the programme."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, SpeakerFactory, paris
from wagtail_rencontres.models import Registration
from wagtail_rencontres.services import copying, dates, programme, queries

pytestmark = pytest.mark.django_db

SOURCE_DAY = dt.date(2025, 3, 27)  # a Thursday, Paris in winter time (UTC+1)
NEXT_DAY = dt.date(2026, 4, 2)  # a Thursday, Paris in summer time (UTC+2): DST between


@pytest.fixture
def source(make_event):
    speaker = SpeakerFactory(last_name="Martin")
    event = make_event(
        SOURCE_DAY,
        9,
        17,
        title="Journée PQN-A 2025 : l'égalité",
        slug="journee-pqn-a-2025",
        status="rescheduled",
        previous_start=paris(dt.date(2025, 3, 20), 9),
        registration_mode="internal",
        registration_opens_at=paris(dt.date(2025, 2, 1), 8),
        registration_closes_at=paris(dt.date(2025, 3, 24), 23, 59),
        programme=[
            {
                "type": "day",
                "id": "day-1",
                "value": {
                    "date": "2025-03-27",
                    "title": "",
                    "sessions": [
                        {
                            "type": "item",
                            "id": "s-1",
                            "value": {
                                "start_time": "09:30",
                                "end_time": "10:00",
                                "title": "Accueil",
                                "format": "welcome",
                                "description": "",
                                "speakers": [
                                    {
                                        "type": "item",
                                        "id": "sp-1",
                                        "value": {"speaker": speaker.pk, "role": ""},
                                    }
                                ],
                                "room": "",
                                "remote": False,
                                "restricted_audiences": [],
                                "capacity": None,
                            },
                        }
                    ],
                },
            }
        ],
    )
    event.partners.create(organisation=OrganisationFactory(name="PQN-A"), role="organiser")
    event.registration_fields.create(label="Régime alimentaire", field_type="singleline")
    Registration.objects.create(
        page=event, first_name="Camille", email="c@example.org", form_data={}
    )
    event.save_revision().publish()
    return event


def test_copy_moves_every_date_by_the_same_days_keeping_wall_clock(source):
    copy = copying.copy_for_next_year(source, NEXT_DAY)
    copy.refresh_from_db()
    assert copy.local_start.isoformat() == "2026-04-02T09:00:00+02:00"
    assert copy.local_end.isoformat() == "2026-04-02T17:00:00+02:00"
    assert dates.to_local(copy.registration_opens_at, "Europe/Paris").isoformat() == (
        "2026-02-07T08:00:00+01:00"
    )
    assert dates.to_local(copy.registration_closes_at, "Europe/Paris").isoformat() == (
        "2026-03-30T23:59:00+02:00"
    )
    [day] = programme.days(copy)
    assert day.date == NEXT_DAY
    assert day.sessions[0].start.isoformat() == "2026-04-02T09:30:00+02:00"


def test_copy_keeps_programme_speakers_partners_and_questions(source):
    copy = copying.copy_for_next_year(source, NEXT_DAY)
    [day] = programme.days(copy)
    assert [ref.speaker.last_name for ref in day.sessions[0].speakers] == ["Martin"]
    assert [p.organisation.name for p in copy.partners.all()] == ["PQN-A"]
    assert [q.label for q in copy.registration_fields.all()] == ["Régime alimentaire"]


def test_copy_is_a_scheduled_draft_without_registrations(source):
    copy = copying.copy_for_next_year(source, NEXT_DAY)
    copy.refresh_from_db()
    assert (copy.live, copy.status, copy.previous_start) == (False, "scheduled", None)
    assert Registration.objects.filter(page=copy).count() == 0
    assert Registration.objects.filter(page=source).count() == 1
    assert copy.uuid != source.uuid
    assert copy.sequence == 0


def test_copy_title_and_slug_take_the_new_year_in_ascii(source):
    copy = copying.copy_for_next_year(source, NEXT_DAY)
    assert copy.title == "Journée PQN-A 2026 : l'égalité"
    assert copy.slug == "journee-pqn-a-2026-legalite"


def test_second_copy_gets_an_available_slug(source):
    first = copying.copy_for_next_year(source, NEXT_DAY)
    second = copying.copy_for_next_year(source, NEXT_DAY)
    assert (first.slug, second.slug) == (
        "journee-pqn-a-2026-legalite",
        "journee-pqn-a-2026-legalite-1",
    )


def test_copy_editor_shows_the_moved_dates(source, admin_client):
    copy = copying.copy_for_next_year(source, NEXT_DAY)
    form = admin_client.get(f"/admin/pages/{copy.pk}/edit/").context["form"]
    assert str(form["start"].value()) == "2026-04-02 09:00:00"


def test_shift_days_keeps_the_wall_clock_across_daylight_saving():
    winter = paris(dt.date(2025, 10, 20), 9)
    assert dates.shift_days(winter, 14, "Europe/Paris").isoformat() == "2025-11-03T09:00:00+01:00"
    spring = dates.make_local(dt.date(2025, 3, 29), dt.time(2, 30), "Europe/Paris")
    # 2:30 does not exist on 30 March 2025 in Paris: it moves past the gap.
    assert dates.shift_days(spring, 1, "Europe/Paris").isoformat() == "2025-03-30T03:30:00+02:00"


def test_ascii_slug_transliterates_accents():
    assert copying.ascii_slug("Égalité femmes–hommes") == "egalite-femmeshommes"


def copy_url(page):
    return reverse("wagtail_rencontres_copy:copy", args=[page.pk])


def test_copy_view_asks_for_the_start_date_a_year_later(source, admin_client):
    form = admin_client.get(copy_url(source)).context["form"]
    assert form.initial == {
        "start_date": dt.date(2026, 3, 26),  # 52 weeks: a Thursday again
        "title": "Journée PQN-A 2026 : l'égalité",
    }


def test_copy_view_date_needs_no_script(source, admin_client):
    html = admin_client.get(copy_url(source)).content.decode()
    assert '<input type="date" name="start_date" value="2026-03-26"' in html
    assert "initDateChooser" not in html


def test_copy_view_copies_and_opens_the_copy(source, admin_client):
    response = admin_client.post(
        copy_url(source), {"start_date": "2026-04-02", "title": "Journée PQN-A 2026"}
    )
    copy = queries.event_model().objects.get(slug="journee-pqn-a-2026")
    assert response.url == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert copy.local_start.isoformat() == "2026-04-02T09:00:00+02:00"


def test_copy_view_shows_a_form_error_for_a_missing_date(source, admin_client):
    response = admin_client.post(copy_url(source), {"start_date": "", "title": "x"})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["start_date"]


def test_copy_view_refuses_other_pages(agenda, admin_client):
    assert admin_client.get(copy_url(agenda), follow=True).status_code == 404


def test_event_editor_offers_copy_for_next_year(source, admin_client):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[source.pk])).content.decode()
    assert copy_url(source) in html


def test_page_header_and_listing_offer_the_package_buttons(source, admin_client):
    copy_url = reverse("wagtail_rencontres_copy:copy", args=[source.pk])
    survey_url = reverse("wagtail_rencontres_survey:results", args=[source.pk])
    registrations_url = reverse("wagtail_rencontres_registrations:list", args=[source.pk])
    editor = admin_client.get(f"/admin/pages/{source.pk}/edit/").content.decode()
    assert all(url in editor for url in (copy_url, survey_url, registrations_url))
    listing = admin_client.get(f"/admin/pages/{source.get_parent().pk}/").content.decode()
    assert copy_url in listing and registrations_url in listing
