"""Editors compose events in the Wagtail admin."""

import datetime as dt

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from tests.editor.forms import event_form as editor_event_form
from tests.factories import OrganisationFactory
from wagtail_rencontres.models import EventPage

pytestmark = pytest.mark.django_db


def event_form(**overrides):
    """The editor tests' whole event form, under this module's title and slug."""
    return editor_event_form(
        **{"title": "Journée régionale", "slug": "journee-regionale", **overrides}
    )


def add_url(agenda):
    return reverse("wagtailadmin_pages:add", args=("wagtail_rencontres", "eventpage", agenda.pk))


def test_add_form_renders_with_french_tabs(admin_client, agenda):
    response = admin_client.get(add_url(agenda))
    assert response.status_code == 200
    html = response.content.decode()
    for tab in ("Programme", "Informations pratiques", "Inscription", "Après l&#x27;événement"):
        assert tab in html


def test_editor_creates_an_event_with_times_in_the_event_timezone(admin_client, agenda, settings):
    settings.TIME_ZONE = "Europe/Paris"
    data = event_form(
        timezone="America/Cayenne",
        start="2025-03-27 09:00",
        end="2025-03-27 12:00",
    )
    response = admin_client.post(add_url(agenda), data)
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="journee-regionale")
    assert event.start.astimezone(dt.UTC) == dt.datetime(2025, 3, 27, 12, 0, tzinfo=dt.UTC)
    assert event.local_start.isoformat() == "2025-03-27T09:00:00-03:00"


def test_edit_form_shows_wall_clock_time_of_the_event(admin_client, agenda, make_event):
    from wagtail_rencontres.services.dates import make_local

    event = make_event(
        timezone="America/Cayenne",
        start=make_local(dt.date(2025, 3, 27), dt.time(9), "America/Cayenne"),
        end=make_local(dt.date(2025, 3, 27), dt.time(12), "America/Cayenne"),
    )
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))
    form = response.context["form"]
    assert form.initial["start"] == dt.datetime(2025, 3, 27, 9, 0)


def test_nonexistent_time_at_spring_forward_is_a_form_error(admin_client, agenda):
    data = event_form(start="2025-03-30 02:30", end="2025-03-30 10:00")
    response = admin_client.post(add_url(agenda), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["start"]
    assert not EventPage.objects.filter(slug="journee-regionale").exists()


def test_end_before_start_is_a_form_error(admin_client, agenda):
    response = admin_client.post(add_url(agenda), event_form(end="2025-03-27 08:00"))
    assert response.status_code == 200
    assert response.context["form"].errors["end"] == ["La fin doit être postérieure au début."]


def test_session_end_before_start_is_a_form_error(admin_client, agenda):
    programme = streamfield(
        [
            (
                "day",
                {
                    "date": "2025-03-27",
                    "title": "",
                    "sessions": streamfield([])
                    if False
                    else {
                        "count": 1,
                        "0-deleted": "",
                        "0-order": 0,
                        "0-value-start_time": "14:00",
                        "0-value-end_time": "12:30",
                        "0-value-title": "Ateliers des solutions",
                        "0-value-format": "workshop",
                        "0-value-description": rich_text(""),
                        "0-value-speakers-count": 0,
                        "0-value-room": "",
                        "0-value-restricted_audiences-count": 0,
                        "0-value-capacity": "",
                    },
                },
            )
        ]
    )
    response = admin_client.post(add_url(agenda), event_form(programme=programme))
    assert response.status_code == 200
    assert "programme" in response.context["form"].errors
    assert not EventPage.objects.exists()


def test_programme_day_outside_the_event_is_a_form_error(admin_client, agenda):
    programme = streamfield(
        [("day", {"date": "2025-03-28", "title": "", "sessions": {"count": 0}})]
    )
    response = admin_client.post(add_url(agenda), event_form(programme=programme))
    assert response.status_code == 200
    assert "programme" in response.context["form"].errors


def test_co_funder_requires_the_funding_statement(admin_client, agenda):
    funder = OrganisationFactory(name="Union européenne — FSE+", kind="funder")
    partners = [{"organisation": funder.pk, "role": "funder", "details": ""}]
    response = admin_client.post(add_url(agenda), event_form(partners=partners))
    assert response.status_code == 200
    assert response.context["form"].errors["funding_statement"] == [
        "Un événement cofinancé doit porter la mention exigée par ses cofinanceurs."
    ]
    data = event_form(
        partners=partners,
        funding_statement="Ce projet est cofinancé par l'Union européenne.",
    )
    response = admin_client.post(add_url(agenda), data)
    assert response.status_code == 302
    assert EventPage.objects.get().partners.get().organisation == funder


@pytest.mark.parametrize(
    "model", ["speaker", "venue", "organisation", "theme", "audience", "eventformat"]
)
def test_snippet_listings_render(admin_client, model, demo):
    response = admin_client.get(reverse(f"wagtailsnippets_wagtail_rencontres_{model}:list"))
    assert response.status_code == 200


def test_speaker_listing_search(admin_client, demo):
    url = reverse("wagtailsnippets_wagtail_rencontres_speaker:list")
    response = admin_client.get(url, {"q": "Norynberg"})
    assert [str(obj) for obj in response.context["object_list"]] == ["Patrick Norynberg"]


def test_demo_event_edit_view_renders(admin_client, demo):
    event = demo.events["lutte-contre-les-discriminations-qpv"]
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))
    assert response.status_code == 200
