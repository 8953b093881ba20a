"""The API's HTTP contract under a real site's URLconf and middleware.

These tests use the example site's URLs as they are: ``i18n_patterns`` with a
prefixed default language, Wagtail's catch-all page route, LocaleMiddleware
and CommonMiddleware (``APPEND_SLASH``). There, a 404 of a view outside the
language prefix used to become a redirect to ``/fr/…/``; the API's must stay
JSON 404s. The routes come from the mounted API, so a route added later is
checked too.
"""

import json
import re

import pytest
from corsheaders.defaults import default_headers
from django.urls import path
from ninja import NinjaAPI
from wagtail.models import PageViewRestriction

import wagtail_rencontres.api
from tests.registration.conftest import person
from wagtail_rencontres.api.routers import build_router

API = "/api/rencontres/"
MISSING_ID = 987654321
OUT_OF_RANGE_ID = 2**63
POST_ROUTES = {"events/<event_id>/registrations", "cycles/<cycle_id>/registrations"}

pytestmark = pytest.mark.django_db


def routes_with_a_lookup():
    """Named routes of the mounted API that name an object by id or path."""
    patterns, _app, _namespace = wagtail_rencontres.api.urls
    routes = [str(p.pattern) for p in patterns if p.name]
    return [route for route in routes if "<" in route or route == "events/by-path"]


def urls(route, object_id, page_path="/agenda/nothing-here/"):
    """The route for ``object_id``, without and with a trailing slash."""
    concrete = re.sub(r"<\w+>", str(object_id), route)
    query = f"?path={page_path}" if route == "events/by-path" else ""
    return [f"{API}{concrete}{query}", f"{API}{concrete}/{query}"]


def request(client, route, url):
    if route in POST_ROUTES:
        return client.post(url, json.dumps(person(1)), content_type="application/json")
    return client.get(url)


def assert_json_404(response, where):
    assert response.status_code == 404, (where, response.status_code, response.get("Location"))
    assert response["Content-Type"].startswith("application/json"), where
    body = response.json()
    assert body and all(
        isinstance(messages, list) and all(isinstance(m, str) for m in messages)
        for messages in body.values()
    ), where


def test_the_example_site_urls_use_prefixed_i18n_patterns(settings):
    """A guard on the tests below: they need the URLconf that used to redirect."""
    from django.conf.urls.i18n import is_language_prefix_patterns_used

    assert settings.ROOT_URLCONF == "example_site.urls"
    assert is_language_prefix_patterns_used(settings.ROOT_URLCONF) == (True, True)
    assert "django.middleware.locale.LocaleMiddleware" in settings.MIDDLEWARE
    assert settings.APPEND_SLASH


@pytest.mark.parametrize("route", routes_with_a_lookup())
@pytest.mark.parametrize("object_id", [MISSING_ID, OUT_OF_RANGE_ID, 0])
def test_missing_objects_are_json_404_never_redirects(client, route, object_id):
    for url in urls(route, object_id):
        assert_json_404(request(client, route, url), url)


@pytest.mark.parametrize("url", [f"{API}nothing", f"{API}nothing/", f"{API}events/1/nope"])
def test_a_path_below_the_api_that_names_no_route_is_a_json_404(client, url):
    assert_json_404(client.get(url), url)
    assert_json_404(client.post(url, "{}", content_type="application/json"), url)


def hide(event, how):
    if how == "draft":
        event.unpublish()
    elif how == "private":
        PageViewRestriction.objects.create(page=event, restriction_type="password", password="x")
    elif how == "login":
        PageViewRestriction.objects.create(page=event, restriction_type="login")


@pytest.mark.parametrize("how", ["draft", "private", "login"])
def test_unpublished_or_restricted_events_are_json_404(client, make_event, how):
    event = make_event(registration_mode="internal")
    page_path = event.get_url()
    hide(event, how)
    for route in routes_with_a_lookup():
        if route.startswith("events/"):
            for url in urls(route, event.pk, page_path):
                assert_json_404(request(client, route, url), (how, url))
    assert_v2_json_404(client.get(f"/api/v2/events/{event.pk}/"))


def assert_v2_json_404(response):
    """Wagtail's v2 API says why in its own format: ``{"message": "…"}``."""
    assert response.status_code == 404, response.get("Location")
    assert response["Content-Type"].startswith("application/json")
    assert list(response.json()) == ["message"]


def test_v2_missing_event_is_a_json_404(client):
    assert_v2_json_404(client.get(f"/api/v2/events/{MISSING_ID}/"))


def test_missing_ics_feed_is_a_404_not_a_redirect(client):
    response = client.get(f"/rencontres/ics/events/{MISSING_ID}.ics")
    assert response.status_code == 404


# The read-only router mounted on another NinjaAPI, as attach_to_wagtail_v3()
# does on Wagtail 8's: its own error handlers, the same no-redirect rule.
other_api = NinjaAPI(urls_namespace="contract_other_api")
other_api.add_router("/rencontres/", build_router())


def other_api_urls():
    from example_site.urls import urlpatterns

    return [path("api/other/", other_api.urls), *urlpatterns]


urlpatterns = other_api_urls()


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    "route", ["events", "speakers", "cycles", "venues", "organisations"], ids=str
)
def test_the_router_mounted_on_another_api_answers_404_without_redirect(client, route):
    response = client.get(f"/api/other/rencontres/{route}/{MISSING_ID}")
    assert_json_404(response, route)


# CORS: django-cors-headers with the site's allow-list.
ALLOWED = "https://partner.example.org"


@pytest.fixture
def cors(settings):
    settings.CORS_ALLOWED_ORIGINS = [ALLOWED]
    settings.CORS_ALLOW_HEADERS = (*default_headers, "idempotency-key")


def test_cors_allowed_origin_reads_the_api(client, cors, make_event):
    event = make_event()
    response = client.get(f"{API}events/{event.pk}", headers={"Origin": ALLOWED})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED


def test_cors_preflight_of_the_registration_post(client, cors, make_event):
    event = make_event(registration_mode="internal")
    response = client.options(
        f"{API}events/{event.pk}/registrations",
        headers={
            "Origin": ALLOWED,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, idempotency-key",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "POST" in response["Access-Control-Allow-Methods"]
    allowed_headers = {h.strip() for h in response["Access-Control-Allow-Headers"].split(",")}
    assert {"content-type", "idempotency-key"} <= allowed_headers


def test_cors_other_origin_gets_no_allow_origin(client, cors, make_event):
    event = make_event(registration_mode="internal")
    other = "https://evil.example.net"
    response = client.get(f"{API}events/{event.pk}", headers={"Origin": other})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    preflight = client.options(
        f"{API}events/{event.pk}/registrations",
        headers={"Origin": other, "Access-Control-Request-Method": "POST"},
    )
    assert "Access-Control-Allow-Origin" not in preflight
