"""A registration deadline left behind by new event dates is flagged, never blocked."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.utils import translation

from tests.editor.forms import edit_url, event_form
from tests.factories import paris
from wagtail_rencontres.services.registration.status import DEADLINE_WARNING_DAYS, deadline_warning

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 27)
DEADLINE = "2025-03-24 23:59"


@pytest.fixture
def event(make_event):
    return make_event(
        DAY,
        9,
        17,
        registration_mode="internal",
        registration_closes_at=paris(dt.date(2025, 3, 24), 23, 59),
    )


def form(**overrides):
    fields = {
        "start": "2025-03-27 09:00",
        "end": "2025-03-27 17:00",
        "registration_mode": "internal",
        "registration_closes_at": DEADLINE,
    }
    return event_form(**{**fields, **overrides})


def latest_draft(event):
    return type(event).objects.get(pk=event.pk).get_latest_revision_as_object()


def warnings(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_a_deadline_days_before_the_event_is_not_flagged(admin_client, event):
    response = admin_client.get(edit_url(event))
    assert response.status_code == 200
    assert warnings(response) == []


def test_moving_the_event_a_year_later_flags_the_deadline_on_the_editor(admin_client, event):
    saved = admin_client.post(
        edit_url(event), form(start="2026-03-26 09:00", end="2026-03-26 17:00"), follow=True
    )
    assert saved.status_code == 200
    [warning] = warnings(saved)
    with translation.override("fr"):
        french = deadline_warning(latest_draft(event))
    assert "366" in warning
    assert "lundi 24 mars 2025, 23 h 59" in french
    assert "jours avant l'événement" in french


def test_moving_the_event_before_its_deadline_flags_it(admin_client, event):
    saved = admin_client.post(
        edit_url(event), form(start="2025-03-20 09:00", end="2025-03-20 17:00"), follow=True
    )
    [warning] = warnings(saved)
    page = latest_draft(event)
    assert page.registration_closes_at > page.start
    assert deadline_warning(page) == warning


def test_publishing_with_a_stale_deadline_warns_on_the_page_listing(admin_client, event):
    data = form(start="2026-03-26 09:00", end="2026-03-26 17:00")
    data["action-publish"] = "action-publish"
    published = admin_client.post(edit_url(event), data, follow=True)
    assert published.status_code == 200
    assert published.redirect_chain[-1][0] != edit_url(event)
    assert len(warnings(published)) == 1
    event.refresh_from_db()
    assert event.start == paris(dt.date(2026, 3, 26), 9)


def test_autosave_requests_get_no_message(admin_client, event):
    response = admin_client.post(
        edit_url(event),
        form(start="2026-03-26 09:00", end="2026-03-26 17:00"),
        headers={"accept": "application/json"},
    )
    assert response.status_code == 200
    assert warnings(response) == []


def test_an_event_without_registration_is_never_flagged(admin_client, event):
    saved = admin_client.post(
        edit_url(event),
        form(start="2026-03-26 09:00", end="2026-03-26 17:00", registration_mode="none"),
        follow=True,
    )
    assert warnings(saved) == []


@pytest.mark.parametrize(
    ("days", "flagged"),
    [(0, False), (DEADLINE_WARNING_DAYS, False), (DEADLINE_WARNING_DAYS + 1, True)],
)
def test_the_threshold(event, days, flagged):
    event.registration_closes_at = event.start - dt.timedelta(days=days)
    assert bool(deadline_warning(event)) is flagged


def test_a_deadline_a_minute_after_the_start_is_flagged(event):
    event.registration_closes_at = event.start + dt.timedelta(minutes=1)
    assert deadline_warning(event)
