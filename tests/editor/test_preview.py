"""The preview renders an event in every state an editor meets."""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.test.utils.form_data import streamfield

from tests.editor.forms import day, event_form, session
from tests.factories import AudienceFactory

pytestmark = pytest.mark.django_db

SOON = (timezone.now() + dt.timedelta(days=30)).date()
LONG_AGO = dt.date(2023, 3, 27)


def preview(client, event, **overrides):
    """Post the edit form to Wagtail's preview, then render it as the preview panel does."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(event.pk,))
    checked = client.post(url, event_form(**overrides))
    assert checked.json()["is_valid"] is True, checked.json()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def event_status(label):
    return pgettext_lazy("event status", label)


def in_page_language(text):
    """``text`` in the site's default language, the language of a new page."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def on(day_, start="09:00", end="17:00"):
    return {"start": f"{day_.isoformat()} {start}", "end": f"{day_.isoformat()} {end}"}


def test_preview_programme_to_come(admin_client, make_event):
    event = make_event()
    html = preview(admin_client, event, programme_to_come="on", **on(SOON))
    assert 'class="rencontres-programme-to-come"' in html


def test_preview_cancelled(admin_client, make_event):
    html = preview(admin_client, make_event(), status="cancelled", **on(SOON))
    assert in_page_language(event_status("Cancelled")) in html


def test_preview_past_with_resources(admin_client, make_event):
    html = preview(admin_client, make_event(), **on(LONG_AGO))
    assert "Journée régionale PQN-A" in html


def test_preview_full_with_registration(admin_client, make_event):
    html = preview(
        admin_client,
        make_event(),
        status="full",
        registration_mode="internal",
        registration_capacity="2",
        **on(SOON),
    )
    assert in_page_language(event_status("Full")) in html


def test_preview_multi_day_event(admin_client, make_event):
    when = {
        "start": f"{SOON.isoformat()} 09:00",
        "end": f"{(SOON + dt.timedelta(days=1)).isoformat()} 12:00",
    }
    html = preview(admin_client, make_event(), **when)
    assert "Journée régionale PQN-A" in html


def test_preview_restricted_session_shows_its_outline(admin_client, make_event):
    elected = AudienceFactory(name="Élus")
    sessions = [session("10:00", "12:00", "Atelier des élus", audiences=[elected.pk])]
    html = preview(
        admin_client, make_event(), days=[day(SOON.isoformat(), sessions=sessions)], **on(SOON)
    )
    assert "Atelier des élus" in html
    assert "Élus" in html


def after_event_preview(client, event, **overrides):
    """Post the edit form, then render it in the "After the event" preview mode."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(event.pk,))
    checked = client.post(url, event_form(**overrides))
    assert checked.json()["is_valid"] is True, checked.json()
    response = client.get(url, {"mode": "after-event"})
    assert response.status_code == 200
    return response.content.decode()


def test_the_after_event_mode_shows_the_event_as_over(admin_client, make_event):
    event = make_event()
    coming = {
        **on(SOON),
        "registration_mode": "internal",
        "registration_capacity": "40",
        "resources": streamfield(
            [("link", {"label": "Actes de la journée", "url": "https://example.org/actes"})]
        ),
    }
    over = in_page_language(_("This event is over."))
    form = 'class="rencontres-form rencontres-registration-form"'

    now_html = preview(admin_client, event, **coming)
    assert over not in now_html
    assert form in now_html

    after_html = after_event_preview(admin_client, event, **coming)
    assert over in after_html
    assert in_page_language(_("See the resources of the event")) in after_html
    assert "Actes de la journée" in after_html
    assert form not in after_html
    # Outside the preview, the page is as of now again.
    assert preview(admin_client, event, **coming).count(form) == 1


def test_event_pages_offer_the_after_event_mode(make_event):
    modes = dict(make_event().preview_modes)
    assert str(modes["after-event"]) == str(_("After the event"))
