"""A new event opens with the defaults of a study day announced before its programme."""

import pytest

from tests.editor.forms import add_url, edit_url, event_form
from wagtail_rencontres.services import queries

pytestmark = pytest.mark.django_db


def test_new_event_form_opens_with_sensible_defaults(admin_client, agenda):
    form = admin_client.get(add_url(agenda)).context["form"]
    assert form["timezone"].value() == "Europe/Paris"
    assert form["attendance_mode"].value() == "offline"
    assert form["registration_mode"].value() == "none"
    assert form["status"].value() == "scheduled"
    assert form["programme_to_come"].value() is True


def test_existing_event_keeps_its_own_programme_to_come(admin_client, make_event):
    event = make_event(programme_to_come=False)
    form = admin_client.get(edit_url(event)).context["form"]
    assert form["programme_to_come"].value() is False


def test_slug_is_saved_in_ascii(admin_client, agenda):
    data = event_form(slug="égalité-femmes-hommes")
    response = admin_client.post(add_url(agenda), {**data, "action-save-draft": "Save draft"})
    assert response.status_code == 302
    assert queries.event_model().objects.get().slug == "egalite-femmes-hommes"
