"""Drafts save in every incomplete state the admin allows (Wagtail defers required fields).

A new page saved as a draft is a full row save: every receiver and save hook
sees the incomplete programme. A draft of a live page is a revision: preview
and the revision's own reading see it.
"""

import datetime as dt

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.editor.forms import add_url, day, edit_url, event_form, session
from wagtail_rencontres.services import programme, queries

pytestmark = pytest.mark.django_db

#: Each incomplete programme an editor may leave while composing.
INCOMPLETE = {
    "session_without_times": [day("2025-03-27", sessions=[session(title="Accueil")])],
    "session_without_title": [day("2025-03-27", sessions=[session(start_time="09:00")])],
    "session_without_anything": [day("2025-03-27", sessions=[session()])],
    "day_without_date": [day("", sessions=[session(start_time="09:00", title="Accueil")])],
    "two_days_without_date": [day(""), day("")],
    "day_without_date_nor_times": [day("", sessions=[session(), session(title="Ateliers")])],
    "empty_day": [day("2025-03-27")],
    "empty_programme": [],
}


def save_draft(client, url, data):
    return client.post(url, {**data, "action-save-draft": "Save draft"})


@pytest.mark.parametrize("shape", INCOMPLETE)
def test_new_event_saves_as_draft_whatever_the_programme(admin_client, agenda, shape):
    response = save_draft(admin_client, add_url(agenda), event_form(INCOMPLETE[shape]))
    assert response.status_code == 302, response.context["form"].errors
    event = queries.event_model().objects.get(slug="journee-regionale-pqn-a")
    assert event.live is False
    assert len(event.programme) == len(INCOMPLETE[shape])


@pytest.mark.parametrize("shape", INCOMPLETE)
def test_draft_of_a_live_event_saves_whatever_the_programme(admin_client, make_event, shape):
    event = make_event(slug="journee-regionale-pqn-a", day=dt.date(2025, 3, 27))
    response = save_draft(admin_client, edit_url(event), event_form(INCOMPLETE[shape]))
    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    draft = event.get_latest_revision_as_object()
    assert len(draft.programme) == len(INCOMPLETE[shape])


@pytest.mark.parametrize("shape", INCOMPLETE)
def test_preview_of_an_incomplete_programme_renders(admin_client, make_event, shape):
    event = make_event(slug="journee-regionale-pqn-a", day=dt.date(2025, 3, 27))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(event.pk,))
    checked = admin_client.post(url, event_form(INCOMPLETE[shape]))
    assert checked.json()["is_valid"] is True
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize("shape", INCOMPLETE)
def test_autosave_of_an_incomplete_programme_answers_json(admin_client, make_event, shape):
    event = make_event(slug="journee-regionale-pqn-a", day=dt.date(2025, 3, 27))
    response = admin_client.post(
        edit_url(event),
        {**event_form(INCOMPLETE[shape]), "action-save-draft": "Save draft"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 200
    assert response.json()["success"] is True


def test_event_without_end_is_a_form_error_not_a_crash(admin_client, agenda):
    """The end is a required column: Wagtail keeps it required for drafts too."""
    response = save_draft(admin_client, add_url(agenda), event_form(end=""))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["end"]


@pytest.mark.parametrize("shape", INCOMPLETE)
def test_model_api_saves_a_draft_child_and_a_revision(agenda, shape):
    """As a script or an import would: ``add_child`` then ``save_revision``."""
    model = queries.event_model()
    stream = [
        {"type": "day", "value": {"date": when or None, "title": "", "sessions": _raw(items)}}
        for _type, value in INCOMPLETE[shape]
        for when, items in [(value["date"], value["sessions"])]
    ]
    event = model(
        title="Brouillon",
        slug="brouillon",
        start=dt.datetime(2025, 3, 27, 8, tzinfo=dt.UTC),
        end=dt.datetime(2025, 3, 27, 15, tzinfo=dt.UTC),
        live=False,
        programme=stream,
    )
    Page.objects.get(pk=agenda.pk).add_child(instance=event)
    event.save_revision()
    event.refresh_from_db()
    assert programme.days(event) == programme.days(event)  # readable, twice alike


def _raw(list_data):
    """A ListBlock's form data back into stored values (None for what is empty)."""
    values = []
    for index in range(list_data["count"]):
        prefix = f"{index}-value-"
        value = {
            key.removeprefix(prefix): item
            for key, item in list_data.items()
            if key.startswith(prefix) and "-" not in key.removeprefix(prefix)
        }
        value["start_time"] = value.get("start_time") or None
        value["end_time"] = value.get("end_time") or None
        value.update(description="", speakers=[], restricted_audiences=[])
        values.append({"type": "item", "value": value})
    return values


def test_undated_day_of_a_draft_takes_the_event_days_in_order(admin_client, agenda):
    data = event_form(
        [day("2025-03-28"), day(""), day("")],
        start="2025-03-27 09:00",
        end="2025-03-29 16:00",
    )
    response = save_draft(admin_client, add_url(agenda), data)
    assert response.status_code == 302, response.context["form"].errors
    event = queries.event_model().objects.get(slug="journee-regionale-pqn-a")
    assert [child.value["date"] for child in event.programme] == [
        dt.date(2025, 3, 28),
        dt.date(2025, 3, 27),
        dt.date(2025, 3, 29),
    ]
