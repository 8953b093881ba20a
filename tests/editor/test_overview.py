"""The dashboard lists the coming events; the events listing shows their dates."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail_rencontres.models import Registration

pytestmark = pytest.mark.django_db

SOON = (timezone.now() + dt.timedelta(days=30)).date()


def register(event, status, n=1):
    for index in range(n):
        Registration.objects.create(
            page=event, email=f"{status}{index}@example.org", status=status, form_data={}
        )


@pytest.fixture
def coming(make_event):
    event = make_event(
        SOON, title="Journée PQN-A", registration_mode="internal", registration_capacity=2
    )
    register(event, "confirmed", 2)
    register(event, "waitlisted", 1)
    return event


def panel_events(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response


def test_dashboard_lists_coming_events_with_counts(french_admin, coming, make_event):
    admin_client = french_admin
    make_event(SOON - dt.timedelta(days=400), title="Journée passée")
    html = panel_events(admin_client).content.decode()
    assert "Rencontres à venir" in html
    assert "Journée PQN-A" in html
    assert "Journée passée" not in html
    assert reverse("wagtail_rencontres_registrations:list", args=[coming.pk]) in html
    assert "2 / 2" in html
    assert "<td>1</td>" in html  # one on the waiting list


def test_dashboard_panel_counts_in_one_query(admin_client, coming, make_event):
    panel_events(admin_client)  # warms Wagtail's caches (site root paths…)
    with CaptureQueriesContext(connection) as one:
        panel_events(admin_client)
    for index in range(5):
        event = make_event(SOON + dt.timedelta(days=index + 1), registration_mode="internal")
        register(event, "confirmed", 2)
    with CaptureQueriesContext(connection) as many:
        panel_events(admin_client)

    def ours(context):
        return [q for q in context.captured_queries if "rencontres_registration" in q["sql"]]

    assert len(ours(one)) == len(ours(many)) == 1
    extra = [q["sql"] for q in many.captured_queries[len(one.captured_queries) :]]
    assert len(many.captured_queries) == len(one.captured_queries), extra


def test_events_listing_shows_dates(french_admin, coming):
    admin_client = french_admin
    html = admin_client.get(reverse("rencontres_events:index")).content.decode()
    assert "Dates" in html
    assert f"{SOON.day} " in html and "de 9 h à 17 h" in html
