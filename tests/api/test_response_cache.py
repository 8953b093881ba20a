"""The typed API's response cache: a repeated request reads the stamp and the cache.

Answers are kept under the change stamp, the language, the scheme, the host, the
path and the normalised query (``WAGTAILRENCONTRES_API_RESPONSE_CACHE``). Changes
are committed as a site commits them, so that the stamp moves; what every kind
of change does to a kept answer is in ``test_http_caching.py``, which runs with
the cache on too.
"""

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.factories import SpeakerFactory
from tests.sites import default_language, other_language
from wagtail_rencontres.enums import RegistrationMode

from .conftest import day, register_someone, session

API = "/api/rencontres"
LIST = f"{API}/events?expand=programme&limit=10"
DATE = dt.date(2031, 3, 4)
pytestmark = pytest.mark.urls("tests.api.urls")


class FailingCache(LocMemCache):
    """A cache whose server is down: every read and write raises."""

    def get(self, key, default=None, version=None):
        raise ConnectionError("cache server unreachable")

    def set(self, key, value, timeout=None, version=None):
        raise ConnectionError("cache server unreachable")


@pytest.fixture(autouse=True)
def response_cache(settings):
    settings.WAGTAILRENCONTRES_API_RESPONSE_CACHE = "default"


@pytest.fixture
def event(make_event, commit):
    """A published event with a programme and open registration, committed."""
    made = {}

    def create():
        speaker = SpeakerFactory(first_name="Sophie", last_name="Norynberg")
        page = make_event(
            day=DATE,
            title="Journée d'étude",
            registration_mode=RegistrationMode.INTERNAL,
            registration_capacity=20,
        )
        page.programme = [day(DATE, [session("Accueil", "09:00", "09:30", speakers=[speaker])])]
        page.save_revision().publish()
        made["page"] = page

    commit(create)
    return made["page"]


def queries_of(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return response, len(captured)


def kept_keys():
    return [key for key in cache._cache if "wagtail_rencontres:api:" in key]


def test_a_repeated_request_reads_only_the_stamp(client, event):
    first, built = queries_of(client, LIST)
    again, kept = queries_of(client, LIST)

    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == first["Content-Type"] == "application/json; charset=utf-8"
    assert built > 3
    assert kept == 1  # the change stamp; the body comes from the cache
    assert (
        json.loads(again.content)["results"][0]["programme"]["days"][0]["sessions"][0]["title"]
        == "Accueil"
    )


def test_a_kept_answer_still_answers_a_conditional_request(client, event):
    first = client.get(LIST)

    response, count = queries_of(client, LIST, HTTP_IF_NONE_MATCH=first["ETag"])

    assert response.status_code == 304
    assert count == 1


def test_a_published_change_is_seen_at_once(client, event, commit):
    client.get(LIST)

    def rename():
        event.title = "Journée d'étude régionale"
        event.save_revision().publish()

    commit(rename)

    title = json.loads(client.get(LIST).content)["results"][0]["title"]
    assert title == "Journée d'étude régionale"


def test_a_registration_is_seen_at_once(client, event, commit):
    url = f"{API}/events/{event.pk}"
    before = json.loads(client.get(url).content)["registration"]

    commit(lambda: register_someone(event))

    after = json.loads(client.get(url).content)["registration"]
    assert before["places_left"] == 20
    assert after["places_left"] == 19


def test_the_same_query_in_another_order_shares_an_answer(client, event):
    client.get(f"{API}/events?limit=10&when=upcoming")

    response, count = queries_of(client, f"{API}/events?when=upcoming&limit=10")

    assert response.status_code == 200
    assert count == 1


def test_answers_are_kept_apart_by_query_language_and_host(client, event):
    Site.objects.create(hostname="autre.example.org", port=80, root_page=event.get_parent())
    client.get(LIST)

    other_limit, limit_count = queries_of(client, f"{API}/events?expand=programme&limit=5")
    other_language_response, language_count = queries_of(
        client, LIST, HTTP_ACCEPT_LANGUAGE=other_language()
    )
    other_host, host_count = queries_of(client, LIST, HTTP_HOST="autre.example.org")

    assert min(limit_count, language_count, host_count) > 1
    assert len(kept_keys()) == 4
    default_url = json.loads(client.get(LIST).content)["results"][0]["url"]
    assert default_url.startswith("http://localhost/")
    assert json.loads(other_host.content)["results"][0]["url"].startswith(
        "http://autre.example.org/"
    )
    assert other_language_response["Content-Language"] == other_language()
    assert client.get(LIST, HTTP_ACCEPT_LANGUAGE=default_language())["Content-Language"] == (
        default_language()
    )
    assert other_limit.status_code == 200


def test_errors_and_search_are_not_kept(client, event):
    assert client.get(f"{API}/events/999999").status_code == 404
    assert client.get(f"{API}/events?limit=0").status_code == 400
    assert client.get(f"{API}/search?q=journee").status_code == 200

    assert kept_keys() == []


def test_without_the_setting_every_request_is_built(client, event, settings):
    settings.WAGTAILRENCONTRES_API_RESPONSE_CACHE = None
    client.get(LIST)  # fills Wagtail's own caches (site root paths)
    _second, built = queries_of(client, LIST)

    _again, count = queries_of(client, LIST)

    assert count == built > 1
    assert kept_keys() == []


def test_an_answer_larger_than_the_limit_is_not_kept(client, event, settings):
    settings.WAGTAILRENCONTRES_API_RESPONSE_CACHE_MAX_BYTES = 100
    client.get(LIST)

    assert kept_keys() == []
    assert client.get(f"{API}/themes").status_code == 200  # under 100 bytes compressed
    assert len(kept_keys()) == 1


def test_a_failing_cache_leaves_the_answers_whole(client, event, settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "down": {"BACKEND": "tests.api.test_response_cache.FailingCache"},
    }
    settings.WAGTAILRENCONTRES_API_RESPONSE_CACHE = "down"

    response = client.get(LIST)

    assert response.status_code == 200
    assert json.loads(response.content)["results"][0]["title"] == "Journée d'étude"
    assert "could not be read" in caplog.text
    assert "could not be written" in caplog.text


def test_a_cache_alias_that_does_not_exist_is_a_warning_not_an_error(client, event, settings):
    settings.WAGTAILRENCONTRES_API_RESPONSE_CACHE = "missing"

    assert client.get(LIST).status_code == 200
