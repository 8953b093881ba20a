"""Every date and time an editor types is read in the page's own IANA timezone.

Run under ``TIME_ZONE = "UTC"`` (as ``wagtail start`` sets it) and
``"Europe/Paris"``, on the default and the host test site, whose page classes
are its own (``conf.page_model``).
"""

import datetime as dt

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.pages.test_admin import event_form as admin_event_form
from wagtail_rencontres import conf

pytestmark = pytest.mark.django_db

SERVER_ZONES = ["UTC", "Europe/Paris"]


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )


def event_form(**overrides):
    """The admin test's event form, taking registrations on the site."""
    fields = {"registration_mode": "internal", "registration_waitlist": "on"}
    return admin_event_form(**{**fields, **overrides})


def cycle_form(**overrides):
    data = {
        "title": "Cycle de qualification",
        "slug": "cycle-de-qualification",
        "subtitle": "",
        "description": rich_text(""),
        "timezone": "Europe/Paris",
        "registration_mode": "internal",
        "registration_waitlist": "on",
        "funding_statement": "",
        "documents": streamfield([]),
        "sessions": inline_formset([]),
        "partners": inline_formset([]),
        "registration_fields": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def post_page(client, model, parent, data):
    response = client.post(add_url(model, parent), data)
    assert response.status_code == 302, response.context["form"].errors
    return model.objects.get(slug=data["slug"])


@pytest.mark.parametrize("server_zone", SERVER_ZONES)
def test_event_times_and_registration_dates_are_read_in_the_event_timezone(
    admin_client, agenda, settings, server_zone
):
    settings.TIME_ZONE = server_zone
    event = post_page(
        admin_client,
        conf.page_model("EventPage"),
        agenda,
        event_form(
            start="2025-03-27 09:00",
            end="2025-03-27 16:30",
            registration_opens_at="2025-02-01 08:00",
            registration_closes_at="2025-03-20 23:59",
        ),
    )
    assert event.start == utc(2025, 3, 27, 8, 0)
    assert event.end == utc(2025, 3, 27, 15, 30)
    assert event.registration_opens_at == utc(2025, 2, 1, 7, 0)
    assert event.registration_closes_at == utc(2025, 3, 20, 22, 59)


@pytest.mark.parametrize("server_zone", SERVER_ZONES)
def test_overseas_event_on_a_paris_site_keeps_its_own_wall_clock(
    admin_client, agenda, settings, server_zone
):
    settings.TIME_ZONE = server_zone
    event = post_page(
        admin_client,
        conf.page_model("EventPage"),
        agenda,
        event_form(
            timezone="Indian/Reunion",
            start="2025-11-13 08:30",
            end="2025-11-13 17:00",
            registration_closes_at="2025-11-06 23:59",
        ),
    )
    assert event.start == utc(2025, 11, 13, 4, 30)
    assert event.registration_closes_at == utc(2025, 11, 6, 19, 59)
    assert event.local_start.isoformat() == "2025-11-13T08:30:00+04:00"

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))
    assert response.context["form"].initial["start"] == dt.datetime(2025, 11, 13, 8, 30)
    assert response.context["form"].initial["registration_closes_at"] == dt.datetime(
        2025, 11, 6, 23, 59
    )

    # Shown in its own time on the site, whatever the server's zone.
    event.save_revision().publish()
    data = admin_client.get(f"/api/rencontres/events/{event.pk}").json()
    assert (data["start"], data["timezone"]) == ("2025-11-13T08:30:00+04:00", "Indian/Reunion")
    response = admin_client.get(f"/rencontres/ics/events/{event.pk}.ics")
    ics = b"".join(response.streaming_content).decode()
    assert "DTSTART;TZID=Indian/Reunion:20251113T083000" in ics


@pytest.mark.parametrize("server_zone", SERVER_ZONES)
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # Clocks go forward at 02:00 on 30 March 2025: 23:59 that evening is UTC+2.
        ("2025-03-30 23:59", utc(2025, 3, 30, 21, 59)),
        # Clocks go back at 03:00 on 26 October 2025: 23:59 that evening is UTC+1.
        ("2025-10-26 23:59", utc(2025, 10, 26, 22, 59)),
        # Before the change on the same day, the old offset applies.
        ("2025-10-26 01:30", utc(2025, 10, 25, 23, 30)),
    ],
)
def test_deadline_on_a_dst_change_day(admin_client, agenda, settings, server_zone, typed, stored):
    settings.TIME_ZONE = server_zone
    event = post_page(
        admin_client,
        conf.page_model("EventPage"),
        agenda,
        event_form(start="2025-11-27 09:00", end="2025-11-27 17:00", registration_closes_at=typed),
    )
    assert event.registration_closes_at == stored


@pytest.mark.parametrize("server_zone", SERVER_ZONES)
def test_cycle_registration_dates_are_read_in_the_cycle_timezone(
    admin_client, agenda, settings, server_zone
):
    settings.TIME_ZONE = server_zone
    cycle = post_page(
        admin_client,
        conf.page_model("CyclePage"),
        agenda,
        cycle_form(
            registration_opens_at="2025-09-01 09:00",
            registration_closes_at="2025-10-26 23:59",
        ),
    )
    assert cycle.timezone == "Europe/Paris"
    assert cycle.registration_opens_at == utc(2025, 9, 1, 7, 0)
    assert cycle.registration_closes_at == utc(2025, 10, 26, 22, 59)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(cycle.pk,)))
    assert response.context["form"].initial["registration_closes_at"] == dt.datetime(
        2025, 10, 26, 23, 59
    )


def test_cycle_in_cayenne_reads_its_deadline_there(admin_client, agenda, settings):
    settings.TIME_ZONE = "UTC"
    cycle = post_page(
        admin_client,
        conf.page_model("CyclePage"),
        agenda,
        cycle_form(timezone="America/Cayenne", registration_closes_at="2025-06-30 18:00"),
    )
    assert cycle.registration_closes_at == utc(2025, 6, 30, 21, 0)
    assert cycle.local_registration_closes_at.isoformat() == "2025-06-30T18:00:00-03:00"


def test_nonexistent_cycle_deadline_is_a_form_error(admin_client, agenda, settings):
    settings.TIME_ZONE = "UTC"
    model = conf.page_model("CyclePage")
    data = cycle_form(registration_closes_at="2025-03-30 02:30")
    response = admin_client.post(add_url(model, agenda), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["registration_closes_at"]
    assert not model.objects.filter(slug="cycle-de-qualification").exists()
