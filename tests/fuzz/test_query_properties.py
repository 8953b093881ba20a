"""Property tests: no query string makes a GET surface answer 5xx.

Each test generates query strings (any text, NUL bytes included; raw
percent-encoded bytes, invalid UTF-8 too; integers up to 10**30, negative
ones; dates of years 1 to 9999; datetimes with any UTC offset, +25:00 and
-99:99 included) for one surface, on the demo site, and accepts only the
answers the surface documents: 2xx, 400 or 404. The ``@example`` cases are
inputs that once answered 500, so they run every time.

Each request runs in a savepoint rolled back after it, as a request of its
own would in production: a database error must show as that request's
answer, not poison the next ones. ``RENCONTRES_FUZZ_EXAMPLES`` sets the
number of generated cases per test (100 by default).
"""

import os
from urllib.parse import quote

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wagtail_rencontres import conf
from wagtail_rencontres.api.filters import EventFilters

pytestmark = pytest.mark.urls("tests.fuzz.urls")

FUZZ = settings(
    max_examples=int(os.environ.get("RENCONTRES_FUZZ_EXAMPLES", "100")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ALLOWED = {200, 400, 404}
HUGE = 10**30


def _offset(sign, hours, minutes):
    return f"{sign}{hours:02d}:{minutes:02d}"


#: A value as it appears in a query string, already percent-encoded.
texts = st.text(max_size=40).map(lambda value: quote(value, safe=""))
raw_bytes = st.binary(min_size=1, max_size=8).map(
    lambda data: "".join(f"%{byte:02X}" for byte in data)
)
integers = st.one_of(
    st.integers(min_value=-HUGE, max_value=HUGE), st.integers(min_value=-3, max_value=300)
).map(str)
days = st.dates().map(lambda day: day.isoformat())
moments = st.builds(
    lambda moment, offset: quote(moment.isoformat(timespec="seconds") + offset, safe=""),
    st.datetimes(),
    st.one_of(
        st.just(""),
        st.just("Z"),
        st.builds(
            _offset,
            st.sampled_from("+- "),
            st.integers(min_value=0, max_value=99),
            st.integers(min_value=0, max_value=99),
        ),
    ),
)
values = st.one_of(texts, raw_bytes, integers, days, moments)

EVENT_FILTERS = sorted(EventFilters.model_fields)
PAGING = ["limit", "offset", "page"]


def queries(names, likely=()):
    """Query strings built from ``names`` (and any other name), with any values."""
    value = st.one_of(values, st.sampled_from(likely)) if likely else values
    name = st.one_of(st.sampled_from(names), texts)
    pair = st.tuples(name, value).map(lambda item: f"{quote(item[0], safe='') or 'x'}={item[1]}")
    return st.lists(pair, max_size=6).map("&".join)


def answer(client, url):
    """The status of ``url``, its database changes rolled back."""
    with transaction.atomic():
        response = client.get(url)
        transaction.set_rollback(True)
    return response.status_code


def assert_answers(client, url, allowed=ALLOWED):
    status = answer(client, url)
    assert status in allowed, f"{status} for {url}"


# Wagtail's API v2

V2_NAMES = [
    *EVENT_FILTERS,
    *PAGING,
    "order",
    "fields",
    "search",
    "search_operator",
    "child_of",
    "descendant_of",
    "type",
    "id",
    "translation_of",
    "format",
]


@FUZZ
@given(query=queries(V2_NAMES, likely=["*", "-start", "title", "fr", "cancelled", "true"]))
@example(query="offset=99999999999999999999999999")
@example(query="limit=99999999999999999999999999")
@example(query="city=a%00b&search=a%00b&order=%00&fields=%00&type=%00")
@example(query="locale=%00")
@example(query="search=%ED%A0%80&q=%ED%A0%80")
@example(query="starts_after=0001-01-01&ends_before=9999-12-31T23%3A59%3A59%2B25%3A00")
@example(query="updated_since=2024-01-01T00%3A00%3A00-99%3A99")
def test_v2_event_listing_never_answers_5xx(demo, client, query):
    assert_answers(client, f"/api/v2/events/?{query}")


@FUZZ
@given(event_id=integers, query=queries(["fields", "type", "locale"]))
@example(event_id=str(HUGE), query="")
@example(event_id=str(2**63), query="fields=%00")
def test_v2_event_detail_never_answers_5xx(demo, client, event_id, query):
    assert_answers(client, f"/api/v2/events/{event_id.lstrip('-')}/?{query}")


# ICS feeds

FEEDS = ["/rencontres/ics/events/{}.ics", "/rencontres/ics/cycles/{}.ics"]
FEEDS.append("/rencontres/ics/speakers/{}.ics")


@FUZZ
@given(query=queries(EVENT_FILTERS, likely=["upcoming", "fr", "title", "2024-11-28"]))
@example(query="city=%00&q=a%00b")
@example(query="q=%ED%A0%80&theme=%ED%A0%80")
@example(query="starts_after=0001-01-01&starts_before=9999-12-31")
@example(query="ends_after=2024-01-01T00%3A00%3A00%2B25%3A00")
@example(query="organiser=99999999999999999999999999&venue=-1")
def test_events_feed_never_answers_5xx(demo, client, query):
    assert_answers(client, f"/rencontres/ics/events.ics?{query}")


@FUZZ
@given(feed=st.sampled_from(FEEDS), object_id=integers, query=queries(["locale", "when"]))
@example(feed=FEEDS[0], object_id=str(HUGE), query="")
@example(feed=FEEDS[1], object_id=str(HUGE), query="")
@example(feed=FEEDS[2], object_id=str(2**63), query="")
def test_object_feeds_never_answer_5xx(demo, client, feed, object_id, query):
    assert_answers(client, f"{feed.format(object_id.lstrip('-'))}?{query}")


# HTML pages


@FUZZ
@given(query=queries(["when", "page", *EVENT_FILTERS], likely=["past", "upcoming", "2"]))
@example(query="page=99999999999999999999999999")
@example(query="page=-99999999999999999999999999&when=%00")
@example(query="page=%00&when=%ED%A0%80")
def test_agenda_page_never_answers_5xx(demo, client, query):
    agenda = conf.page_model("AgendaPage").objects.live().order_by("pk").first()
    assert_answers(client, f"{agenda.url}?{query}")


SEARCH_NAMES = ["q", "theme", "format", "region", "year", "page"]


@FUZZ
@given(
    query=queries(SEARCH_NAMES, likely=["politique", "egalite", "2026", "conférence"]).map(
        lambda query: f"q=ville&{query}"
    )
)
@example(query="q=a%00b")
@example(query="q=%ED%A0%80")
@example(query="q=a&page=99999999999999999999999999")
@example(query="q=a&page=-99999999999999999999999999")
@example(query="q=a&theme=%00&format=%00&region=%ED%A0%80")
@example(query="q=a&year=99999999999999999999999999")
@example(query="q=a&year=1")
def test_search_page_never_answers_5xx(demo, client, query):
    assert_answers(client, f"/search/?{query}")


# The typed API

TYPED_ROUTES = [
    "/api/rencontres/events",
    "/api/rencontres/events/by-path",
    "/api/rencontres/speakers",
    "/api/rencontres/cycles",
    "/api/rencontres/venues",
    "/api/rencontres/organisations",
    "/api/rencontres/themes",
    "/api/search",
    "/api/autocomplete",
]
TYPED_DETAILS = [
    "/api/rencontres/events/{}",
    "/api/rencontres/speakers/{}",
    "/api/rencontres/cycles/{}",
    "/api/rencontres/venues/{}",
    "/api/rencontres/organisations/{}",
]
TYPED_NAMES = [*EVENT_FILTERS, *PAGING, "path", "expand", "type", "year"]


@FUZZ
@given(
    route=st.sampled_from(TYPED_ROUTES),
    query=queries(TYPED_NAMES, likely=["fr", "/fr/agenda/", "programme", "ville", "2026"]),
)
@example(route=TYPED_ROUTES[0], query="city=a%00b&q=a%00b")
@example(route=TYPED_ROUTES[0], query="locale=f%00r")
@example(route=TYPED_ROUTES[0], query="offset=99999999999999999999999999")
@example(route=TYPED_ROUTES[0], query="starts_after=0001-01-01&ends_before=9999-12-31")
@example(route=TYPED_ROUTES[0], query="starts_after=2024-01-01T00%3A00%3A00%2B25%3A00")
@example(route=TYPED_ROUTES[0], query="starts_after=2024-01-01T00%3A00%3A00-99%3A99")
@example(route=TYPED_ROUTES[0], query="q=%ED%A0%80&locale=%ED%A0%80")
@example(route=TYPED_ROUTES[1], query="path=/a%00")
@example(route=TYPED_ROUTES[1], query="path=%ED%A0%80")
@example(route=TYPED_ROUTES[7], query="q=%00")
@example(route=TYPED_ROUTES[7], query="q=a&offset=99999999999999999999999999&year=1")
@example(route=TYPED_ROUTES[8], query="q=%ED%A0%80&locale=%00")
def test_typed_api_lists_never_answer_5xx(demo, client, route, query):
    assert_answers(client, f"{route}?{query}")


@FUZZ
@given(route=st.sampled_from(TYPED_DETAILS), object_id=integers, query=queries(["locale"]))
@example(route=TYPED_DETAILS[0], object_id=str(HUGE), query="")
@example(route=TYPED_DETAILS[1], object_id=str(2**63), query="locale=%00")
def test_typed_api_details_never_answer_5xx(demo, client, route, object_id, query):
    assert_answers(client, f"{route.format(object_id)}?{query}")


# The admin's events listing

ADMIN_NAMES = [
    "q",
    "p",
    "ordering",
    "locale",
    "owner",
    "edited_by",
    "site",
    "has_child_pages",
    "latest_revision_created_at_from",
    "latest_revision_created_at_to",
    "content_type",
]


@FUZZ
@given(query=queries(ADMIN_NAMES, likely=["title", "-latest_revision_created_at", "fr", "1"]))
@example(query="q=%00&ordering=%00")
@example(query="q=%ED%A0%80")
@example(query="q=%22")
@example(query="q=Forum%20%22quartiers")
@example(query="p=99999999999999999999999999")
@example(query="locale=%00")
@example(query="owner=99999999999999999999999999&edited_by=99999999999999999999999999")
@example(query="latest_revision_created_at_from=0001-01-01")
@example(query="latest_revision_created_at_to=9999-12-31")
@example(query="site=99999999999999999999999999&content_type=%00")
def test_admin_events_listing_never_answers_5xx(demo, admin_client, query):
    assert_answers(admin_client, f"/admin/rencontres_events/?{query}")
