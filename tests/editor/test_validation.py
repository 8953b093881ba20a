"""Validation errors are in French, on the exact block and field, and keep what was typed."""

import pytest
from django.utils import translation

from tests.editor.forms import add_url, day, event_form, session
from wagtail_rencontres.services import queries

pytestmark = pytest.mark.django_db


def test_session_error_points_at_its_field_in_french_and_keeps_the_input(french_admin, agenda):
    sessions = [
        session("09:30", "10:00", "Accueil"),
        session("14:00", "12:30", "Ateliers des solutions"),
    ]
    data = event_form([day("2025-03-27", title="Jour 1", sessions=sessions)])
    response = french_admin.post(add_url(agenda), {**data, "action-publish": "Publish"})
    assert response.status_code == 200
    assert not queries.event_model().objects.exists()
    error = response.context["form"].errors.as_data()["programme"][0]
    day_error = error.block_errors[0]
    session_error = day_error.block_errors["sessions"].block_errors[1]
    with translation.override("fr"):
        [message] = session_error.block_errors["end_time"].messages
    assert message == "L'heure de fin doit être postérieure à l'heure de début."
    html = response.content.decode()
    for typed in ("Ateliers des solutions", "Accueil", "Jour 1", "14:00", "12:30"):
        assert typed in html
