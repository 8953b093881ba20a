"""Validators that never lie: ``ETag`` and ``Last-Modified`` of the typed API and the ICS feeds.

Each change is checked the way a client revalidates: validators taken from a
first response, the change committed, then a request with ``If-None-Match``
and one with ``If-Modified-Since``. Without a change both get 304; after it,
200 with new validators. ``If-None-Match`` is checked on the URLs whose body
shows what changed (the typed API's ETag is a hash of its body, so a URL that
does not show it rightly keeps its ETag); ``If-Modified-Since`` on every URL,
since ``Last-Modified`` is the site-wide change stamp. The API's response cache
is on, as on a site: a kept answer must never hide a change.
"""

import datetime as dt
import json

import pytest
from django.utils import timezone
from django.utils.http import http_date, parse_http_date
from wagtail.models import PageViewRestriction

from tests.api.conftest import day, register_someone, session
from tests.factories import (
    AudienceFactory,
    CyclePageFactory,
    EventFormatFactory,
    OrganisationFactory,
    SpeakerFactory,
    ThemeFactory,
    VenueFactory,
)
from tests.sites import default_language, other_language
from wagtail_rencontres.enums import PartnerRole, RegistrationMode
from wagtail_rencontres.models import ChangeStamp, CycleSession, EventPartner
from wagtail_rencontres.services import freshness

API = "/api/rencontres"
pytestmark = pytest.mark.urls("tests.api.urls")
START = dt.datetime(2031, 3, 4, 10, 0, 0, 400000, tzinfo=dt.UTC)


class Clock:
    """``timezone.now`` under the test's control: time passes only when told."""

    def __init__(self, moment):
        self.moment = moment

    def __call__(self):
        return self.moment

    def tick(self, seconds=2):
        self.moment += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(START)
    monkeypatch.setattr(timezone, "now", clock)
    return clock


@pytest.fixture(autouse=True)
def response_cache(settings):
    """The API keeps its answers, as on a site: every change below must still be seen."""
    settings.WAGTAILRENCONTRES_API_RESPONSE_CACHE = "default"


@pytest.fixture
def world(clock, make_event):
    """A future event open for registration, showing one of each snippet, in a cycle."""
    venue = VenueFactory(name="Maison Diocésaine", city="Dijon")
    theme, audience = ThemeFactory(name="Climat"), AudienceFactory(name="Élus")
    speaker = SpeakerFactory(first_name="Laure", last_name="Pitti")
    event_format = EventFormatFactory(name="Colloque")
    date = (START + dt.timedelta(days=30)).date()
    event = make_event(
        date,
        title="Forum",
        venue=venue,
        format=event_format,
        registration_mode=RegistrationMode.INTERNAL,
        registration_capacity=10,
    )
    event.themes.add(theme)
    event.audiences.add(audience)
    event.programme = [
        day(
            date,
            [
                session("Conférence", "10:00", "11:00", speakers=[speaker]),
                session("Atelier", "14:00", "15:00", audiences=[audience]),
            ],
        )
    ]
    event.save_revision().publish()
    organisation = OrganisationFactory(name="Cerema")
    EventPartner.objects.create(page=event, organisation=organisation, role=PartnerRole.PARTNER)
    cycle = CyclePageFactory(parent=event.get_parent(), title="Cycle climat")
    CycleSession.objects.create(cycle=cycle, event=event, sort_order=0)
    event.refresh_from_db()
    return {
        "event": event,
        "cycle": cycle,
        "venue": venue,
        "theme": theme,
        "audience": audience,
        "speaker": speaker,
        "format": event_format,
        "organisation": organisation,
    }


def urls(world):
    event, cycle = world["event"], world["cycle"]
    return {
        "events": f"{API}/events?expand=programme",
        "event": f"{API}/events/{event.pk}",
        "cycles": f"{API}/cycles",
        "cycle": f"{API}/cycles/{cycle.pk}",
        "events.ics": "/rencontres/ics/events.ics",
        "event.ics": f"/rencontres/ics/events/{event.pk}.ics",
        "cycle.ics": f"/rencontres/ics/cycles/{cycle.pk}.ics",
    }


def content(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def first_responses(client, addresses):
    """Each URL's 200 with its validators, after checking both give a 304 while nothing changes."""
    found = {}
    for name, url in addresses.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        content(response)
        etag, modified = response["ETag"], response["Last-Modified"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, name
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304, name
        found[name] = (etag, modified)
    return found


def assert_revalidated(client, addresses, before, showing, clock, gone=()):
    """After a change: 200 to both conditional requests, then newer validators."""
    for name, url in addresses.items():
        etag, modified = before[name]
        expected = 404 if name in gone else 200
        by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
        assert by_date.status_code == expected, (name, "If-Modified-Since")
        by_tag = client.get(url, HTTP_IF_NONE_MATCH=etag)
        if name in showing or name in gone:
            assert by_tag.status_code == expected, (name, "If-None-Match")
            if expected == 200:
                assert by_tag["ETag"] != etag, name
    clock.tick()
    for name, url in addresses.items():
        if name not in gone:
            response = client.get(url)
            assert parse_http_date(response["Last-Modified"]) > parse_http_date(before[name][1])


EVERYTHING = {"events", "event", "cycle", "events.ics", "event.ics", "cycle.ics"}
API_EVENT = {"events", "event", "cycle"}


def edit(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def register(world):
    register_someone(world["event"])


CHANGES = {
    "content": (lambda w: publish(w["event"], title="Forum du climat"), EVERYTHING),
    "places left": (register, API_EVENT),
    "speaker": (lambda w: edit(w["speaker"], last_name="Pitti-Ferrandi"), {"events", "event"}),
    "venue": (lambda w: edit(w["venue"], city="Besançon"), EVERYTHING),
    "organisation": (lambda w: edit(w["organisation"], acronym="CRM"), API_EVENT),
    "theme": (lambda w: edit(w["theme"], name="Climat et énergie"), EVERYTHING),
    "audience": (lambda w: edit(w["audience"], name="Élues et élus"), EVERYTHING),
    "format": (lambda w: edit(w["format"], name="Conférence"), API_EVENT),
    "cycle": (
        lambda w: publish(w["cycle"], title="Cycle énergie"),
        {"cycles", "cycle", "cycle.ics"},
    ),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_a_change_gives_new_validators(client, world, clock, commit, change):
    make_change, showing = CHANGES[change]
    addresses = urls(world)
    before = first_responses(client, addresses)

    commit(lambda: make_change(world))

    assert_revalidated(client, addresses, before, showing, clock)


def restrict(world):
    PageViewRestriction.objects.create(
        page=world["event"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


REMOVALS = {
    "deleted": lambda w: w["event"].delete(),
    "unpublished": lambda w: w["event"].unpublish(),
    "made private": restrict,
}


@pytest.mark.parametrize("removal", REMOVALS, ids=list(REMOVALS))
def test_an_event_that_leaves_gives_new_validators(client, world, clock, commit, removal):
    addresses = urls(world)
    before = first_responses(client, addresses)

    commit(lambda: REMOVALS[removal](world))

    showing = {"events", "cycle", "events.ics", "cycle.ics"}
    gone = {"event", "event.ics"}
    assert_revalidated(client, addresses, before, showing, clock, gone=gone)


def test_an_event_made_public_again_gives_new_validators(client, world, clock, commit):
    restrict(world)
    addresses = {name: urls(world)[name] for name in ("events", "cycle", "events.ics", "cycle.ics")}
    before = first_responses(client, addresses)

    commit(lambda: PageViewRestriction.objects.filter(page=world["event"]).delete())

    assert_revalidated(client, addresses, before, set(addresses), clock)
    assert json.loads(client.get(addresses["events"]).content)["count"] == 1


@pytest.mark.parametrize("name", ["events", "event", "cycle", "events.ics", "event.ics"])
def test_the_same_url_in_another_language_has_another_etag(client, world, name):
    url = urls(world)[name]
    first = client.get(url, HTTP_ACCEPT_LANGUAGE=default_language())
    assert "Accept-Language" in first["Vary"]

    other = client.get(url, HTTP_ACCEPT_LANGUAGE=other_language(), HTTP_IF_NONE_MATCH=first["ETag"])

    assert other.status_code == 200
    assert other["ETag"] != first["ETag"]
    again = client.get(
        url, HTTP_ACCEPT_LANGUAGE=default_language(), HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304


def test_a_passing_date_gives_new_validators_without_any_edit(client, world, clock, commit):
    """Registration closes at its deadline: what the API shows changes with time alone."""
    deadline = START + dt.timedelta(hours=1)
    commit(lambda: publish(world["event"], registration_closes_at=deadline))
    clock.tick()
    addresses = {name: urls(world)[name] for name in ("event", "events.ics")}
    before = first_responses(client, addresses)
    assert json.loads(client.get(addresses["event"]).content)["registration"]["is_open"]

    clock.tick(3600)

    assert_revalidated(client, addresses, before, {"event", "events.ics"}, clock)
    registration = json.loads(client.get(addresses["event"]).content)["registration"]
    assert registration["closed_reason"] == "deadline_passed"


def test_a_date_moves_the_stamp_at_its_moment_and_just_after(world, clock, commit):
    """An event starts at its moment; a deadline passes just after its moment."""
    deadline = START + dt.timedelta(hours=1)
    commit(lambda: publish(world["event"], registration_closes_at=deadline))
    before = freshness.changed_at()

    clock.moment = deadline
    at = freshness.changed_at()
    clock.moment = deadline + dt.timedelta(microseconds=1)
    after = freshness.changed_at()

    assert before < at < after
    assert freshness.changed_at() == after
    assert ChangeStamp.objects.get().next_boundary == world["event"].start


def test_a_response_in_the_second_of_a_change_has_no_last_modified(client, world, clock, commit):
    """Whole-second dates: a second change in that second would keep the same date."""
    url = urls(world)["event"]
    commit(lambda: publish(world["event"], title="Forum du climat"))

    response = client.get(url)

    assert "Last-Modified" not in response
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    now = http_date(clock().timestamp())
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=now).status_code == 200
    clock.tick(0.3)  # still the same second
    commit(lambda: publish(world["event"], title="Forum de l'énergie"))
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200


def test_the_stamp_only_moves_forward(clock, db):
    stamp = freshness.changed_at()
    clock.moment = stamp - dt.timedelta(hours=1)  # a worker whose clock is late

    moved = freshness.move()

    assert moved > stamp
    assert ChangeStamp.objects.get().changed_at == moved


def test_the_one_statement_move_only_moves_forward_too(clock, db):
    stamp = freshness.changed_at()
    clock.moment = stamp - dt.timedelta(hours=1)  # a worker whose clock is late

    freshness.advance()

    assert ChangeStamp.objects.get().changed_at == stamp + dt.timedelta(microseconds=1)
    clock.moment = stamp + dt.timedelta(hours=1)
    freshness.advance()
    assert ChangeStamp.objects.get().changed_at == clock.moment


def test_search_sends_an_etag_of_its_body_and_no_date(client, world, clock, commit):
    url = f"{API}/search?q=forum"
    first = client.get(url)
    assert first.status_code == 200
    assert "Last-Modified" not in first
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    commit(lambda: publish(world["event"], title="Forum du climat"))

    response = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response["ETag"] != first["ETag"]
    clock.tick()
    later = http_date(clock().timestamp())
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=later).status_code == 200


def test_v2_sends_no_validators(client, world):
    response = client.get("/api/v2/events/")
    assert response.status_code == 200
    assert ("ETag" in response, "Last-Modified" in response) == (False, False)
