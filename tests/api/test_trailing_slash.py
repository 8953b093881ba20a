"""Every typed-API path answers the same with and without a trailing slash.

The routes come from the mounted API itself, so a route added later is
checked without editing this file.
"""

import json
import re

import pytest

import wagtail_rencontres.api
from wagtail_rencontres import conf
from wagtail_rencontres.api.ninja_api import with_trailing_slash
from wagtail_rencontres.services import preview

API = "/api/rencontres/"
pytestmark = pytest.mark.urls("tests.api.urls")

POST_ROUTES = {"events/<event_id>/registrations", "cycles/<cycle_id>/registrations"}
QUERIES = {"search": "?q=quartiers", "autocomplete": "?q=quart"}


def canonical_routes():
    """The named routes of the mounted API, as Django sees them."""
    patterns, _app, _namespace = wagtail_rencontres.api.urls
    return [str(p.pattern) for p in patterns if p.name and p.name != "api-root"]


def preview_token(event_id):
    """A token for the event's latest revision (the preview route answers nothing without)."""
    event = conf.page_model("EventPage").objects.get(pk=event_id)
    revision = event.latest_revision or event.save_revision()
    return preview.make_token(event.pk, revision.pk)


def concrete(route, ids):
    return re.sub(r"<(\w+)>", lambda match: str(ids[match.group(1)]), route)


def test_the_api_routes_are_the_documented_ones():
    """A guard on the test itself: it walks every route of the typed API."""
    assert set(canonical_routes()) >= {
        "openapi.json",
        "docs",
        "events",
        "events/by-path",
        "events/<event_id>",
        "speakers",
        "speakers/<speaker_id>",
        "cycles",
        "cycles/<cycle_id>",
        "venues",
        "venues/<venue_id>",
        "organisations",
        "organisations/<organisation_id>",
        "themes",
        "audiences",
        "formats",
        "events/<event_id>/registration/form",
        "cycles/<cycle_id>/registration/form",
        *POST_ROUTES,
        "search",
        "autocomplete",
    }


@pytest.mark.parametrize("route", sorted(set(canonical_routes()) - POST_ROUTES))
def test_get_answers_the_same_with_a_trailing_slash(client, ids, route):
    url = API + concrete(route, ids)
    query = f"?path={ids['path']}" if route == "events/by-path" else QUERIES.get(route, "")
    if route == "events/preview":
        query = f"?token={preview_token(ids['event_id'])}"

    bare = client.get(url + query)
    slashed = client.get(url + "/" + query)

    assert bare.status_code == 200
    assert (slashed.status_code, slashed.content) == (bare.status_code, bare.content)


@pytest.mark.parametrize("route", sorted(POST_ROUTES))
def test_post_is_served_with_a_trailing_slash_not_redirected(client, ids, route):
    url = API + concrete(route, ids)

    bare = client.post(url, data=json.dumps({}), content_type="application/json")
    slashed = client.post(url + "/", data=json.dumps({}), content_type="application/json")

    assert 400 <= bare.status_code < 500  # an empty body is refused, not redirected
    assert (slashed.status_code, slashed.content) == (bare.status_code, bare.content)


def test_the_openapi_document_lists_each_path_once_without_slash(client):
    paths = client.get(API + "openapi.json").json()["paths"]

    assert [path for path in paths if path.endswith("/")] == []
    assert "/api/rencontres/events" in paths


def test_reverse_gives_the_canonical_path(db):
    from django.urls import reverse

    assert reverse("wagtail_rencontres_api:list_events") == "/api/rencontres/events"


def test_with_trailing_slash_keeps_literal_routes_before_parameters():
    from django.urls import path

    def view(request):
        return None

    patterns = [
        path("events", view, name="a"),
        path("events/by-path", view, name="b"),
        path("events/<event_id>", view, name="c"),
        path("", view, name="root"),
    ]

    assert [str(p.pattern) for p in with_trailing_slash(patterns)] == [
        "events",
        "events/",
        "events/by-path",
        "events/by-path/",
        "events/<event_id>",
        "events/<event_id>/",
        "",
    ]
