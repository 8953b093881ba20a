"""Headless preview: a draft through the typed API with a token, and nothing else."""

import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory

from wagtail_rencontres.pages.preview import HEADLESS_MODE
from wagtail_rencontres.services import preview, queries

pytestmark = pytest.mark.django_db

PREVIEW = "/api/rencontres/events/preview"
FRONT = "https://front.example.org/preview?token={token}&id={page_id}&lang={locale}"


@pytest.fixture
def drafted(make_event):
    """A live event "Titre publié" whose latest revision, a draft, says "Titre du brouillon"."""
    event = make_event(title="Titre publié")
    event.title = "Titre du brouillon"
    revision = event.save_revision()
    return event, revision


def get(client, token):
    return client.get(PREVIEW, {"token": token})


def test_the_token_shows_the_draft_while_the_live_event_stays_published(client, drafted):
    event, revision = drafted

    response = get(client, preview.make_token(event.pk, revision.pk))

    assert response.status_code == 200
    assert response.json()["title"] == "Titre du brouillon"
    assert response.json()["id"] == event.pk
    # The JSON-LD a headless page embeds is the draft's too.
    assert response.json()["jsonld"]["name"] == "Titre du brouillon"
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(f"/api/rencontres/events/{event.pk}").json()["title"] == "Titre publié"


def test_without_a_valid_token_the_preview_is_not_found(client, drafted):
    event, revision = drafted
    token = preview.make_token(event.pk, revision.pk)

    assert client.get(PREVIEW).status_code == 404
    assert get(client, "").status_code == 404
    assert get(client, token[:-2] + "xx").status_code == 404
    assert get(client, "not-a-token").status_code == 404
    assert get(client, token).status_code == 200


def test_an_expired_token_is_refused(client, drafted, settings):
    event, revision = drafted
    settings.WAGTAILRENCONTRES_HEADLESS_PREVIEW_MAX_AGE = 120
    token = preview.make_token(event.pk, revision.pk)

    with mock.patch("django.core.signing.time.time", return_value=time.time() + 119):
        assert get(client, token).status_code == 200
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 121):
        assert get(client, token).status_code == 404


def test_a_token_shows_its_own_revision_only(client, drafted):
    event, first = drafted
    event.title = "Second brouillon"
    second = event.save_revision()

    assert get(client, preview.make_token(event.pk, first.pk)).json()["title"] == (
        "Titre du brouillon"
    )
    assert get(client, preview.make_token(event.pk, second.pk)).json()["title"] == (
        "Second brouillon"
    )


def test_a_token_never_shows_another_page(client, drafted, make_event):
    event, revision = drafted
    other = make_event(title="Autre")

    assert get(client, preview.make_token(other.pk, revision.pk)).status_code == 404
    assert get(client, preview.make_token(event.get_parent().pk, revision.pk)).status_code == 404


def test_a_token_of_a_page_that_is_no_event_is_not_found(client, agenda):
    revision = agenda.save_revision()

    assert get(client, preview.make_token(agenda.pk, revision.pk)).status_code == 404


def test_a_deleted_page_is_not_found(client, drafted):
    event, revision = drafted
    token = preview.make_token(event.pk, revision.pk)
    event.delete()

    assert get(client, token).status_code == 404


def test_the_draft_keeps_restricted_sessions_to_their_outline(client, programme_event):
    event, _public, secret_speaker = programme_event()
    event.title = "Brouillon avec programme"
    revision = event.save_revision()

    response = get(client, preview.make_token(event.pk, revision.pk))

    data = response.json()
    assert data["title"] == "Brouillon avec programme"
    restricted = data["programme"]["days"][0]["sessions"][1]
    shown = (restricted["restricted"], restricted["room"], restricted["speakers"])
    assert shown == (True, None, [])
    assert restricted["description"] is None
    assert [s["id"] for s in data["programme"]["speakers"]] != []
    assert secret_speaker.pk not in [s["id"] for s in data["programme"]["speakers"]]
    assert "Salle secrète" not in response.content.decode()


def test_the_preview_route_is_in_the_openapi_document(client):
    paths = client.get("/api/rencontres/openapi.json").json()["paths"]

    operation = paths["/api/rencontres/events/preview"]["get"]
    assert [p["name"] for p in operation["parameters"]] == ["token"]
    assert set(operation["responses"]) == {"200", "400", "404"}


def test_the_front_end_mode_exists_only_when_a_front_end_url_is_set(drafted, settings):
    event, _revision = drafted
    settings.WAGTAILRENCONTRES_HEADLESS_PREVIEW_URL = None
    assert HEADLESS_MODE not in dict(event.preview_modes)

    settings.WAGTAILRENCONTRES_HEADLESS_PREVIEW_URL = FRONT
    assert HEADLESS_MODE in dict(event.preview_modes)
    assert event.default_preview_mode == ""


def test_the_front_end_mode_frames_the_front_end_with_a_token_of_the_last_saved_revision(
    client, drafted, settings, admin_user
):
    event, revision = drafted
    settings.WAGTAILRENCONTRES_HEADLESS_PREVIEW_URL = FRONT
    event.refresh_from_db()
    request = RequestFactory().get("/")
    request.user = admin_user

    response = event.serve_preview(request, HEADLESS_MODE)
    response.render()

    url = response.context_data["front_end_url"]
    assert url.startswith("https://front.example.org/preview?token=")
    query = parse_qs(urlsplit(url).query)
    assert (query["id"], query["lang"]) == ([str(event.pk)], [event.locale.language_code])
    assert preview.read_token(query["token"][0]) == (event.pk, revision.pk)
    assert f'<iframe src="{url.replace("&", "&amp;")}"' in response.content.decode()
    assert get(client, query["token"][0]).json()["title"] == "Titre du brouillon"


def test_a_page_never_saved_has_no_front_end_preview(agenda, settings, admin_user):
    settings.WAGTAILRENCONTRES_HEADLESS_PREVIEW_URL = FRONT
    event = queries.event_model()(title="Nouvelle rencontre")
    request = RequestFactory().get("/")
    request.user = admin_user

    response = event.serve_preview(request, HEADLESS_MODE)

    assert response.context_data["front_end_url"] is None


def test_the_draft_shows_its_own_themes(client, drafted):
    from tests.factories import ThemeFactory

    event, _revision = drafted
    theme = ThemeFactory(name="Thème du brouillon")
    event.themes = [theme]
    revision = event.save_revision()

    data = get(client, preview.make_token(event.pk, revision.pk)).json()

    assert [term["name"] for term in data["themes"]] == ["Thème du brouillon"]
    live = client.get(f"/api/rencontres/events/{event.pk}").json()
    assert [term["name"] for term in live["themes"]] == []
