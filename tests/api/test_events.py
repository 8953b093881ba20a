import datetime as dt
import json

import pytest
from django.core import checks
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import (
    OrganisationFactory,
    ThemeFactory,
    VenueFactory,
    paris,
)
from tests.sites import default_language, site_text, url_prefix
from wagtail_rencontres.api import schemas
from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.models import EventPartner

API = "/api/rencontres"
pytestmark = pytest.mark.urls("tests.api.urls")


def get(client, url, **headers):
    response = client.get(url, **headers)
    return response, (json.loads(response.content) if response.content else None)


@pytest.fixture
def now(monkeypatch):
    fixed = paris(dt.date(2024, 11, 28), 12)
    monkeypatch.setattr(timezone, "now", lambda: fixed)
    return fixed


def titles(data):
    return [item["title"] for item in data["results"]]


def test_event_detail_has_the_documented_fields(client, programme_event):
    event, public_speaker, _secret = programme_event(title="Forum")
    response, data = get(client, f"{API}/events/{event.pk}")
    assert response.status_code == 200
    schemas.EventDetail.model_validate(data)
    assert data["id"] == event.pk
    assert data["uuid"] == str(event.uuid)
    assert data["start"] == "2024-11-28T09:00:00+01:00"
    assert data["end"] == "2024-11-28T17:00:00+01:00"
    assert data["timezone"] == "Europe/Paris"
    assert data["status"] == "scheduled"
    assert data["locale"] == default_language()
    assert data["registration"] == {
        "mode": "none",
        "opens_at": None,
        "closes_at": None,
        "is_open": False,
        "places_left": None,
        "waitlist_open": False,
        "external_url": "",
        "external_label": "",
        "capacity": None,
        "closed_reason": "no_registration",
        "closed_message": site_text("Cet événement ne prend pas d'inscription."),
    }
    assert [s["id"] for s in data["programme"]["speakers"]] == [public_speaker.pk]


def test_restricted_session_shows_only_its_outline(client, programme_event):
    event, public_speaker, secret = programme_event()
    _response, data = get(client, f"{API}/events/{event.pk}")
    restricted = data["programme"]["days"][0]["sessions"][1]
    assert restricted == {
        "id": restricted["id"],
        "start": "2024-11-28T14:00:00+01:00",
        "end": "2024-11-28T15:00:00+01:00",
        "title": "Atelier des élus",
        "format": "talk",
        "format_label": restricted["format_label"],
        "restricted": True,
        "restricted_to": ["Élus"],
        "description": None,
        "room": None,
        "remote": False,
        "speakers": [],
    }
    body = json.dumps(data)
    assert "Salle secrète" not in body
    assert "confidentiel" not in body
    assert "Secret" not in body


def test_drafts_and_private_events_are_hidden(client, make_event, agenda):
    public = make_event(title="Public")
    draft = make_event(title="Draft", live=False)
    private = make_event(title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    _response, data = get(client, f"{API}/events")
    assert titles(data) == ["Public"]
    assert client.get(f"{API}/events/{draft.pk}").status_code == 404
    assert client.get(f"{API}/events/{private.pk}").status_code == 404
    assert client.get(f"{API}/events/{public.pk}").status_code == 200


def test_event_by_path(client, make_event):
    event = make_event(title="Par chemin", slug="par-chemin")
    _response, data = get(client, f"{API}/events/by-path?path={url_prefix()}agenda/par-chemin/")
    assert data["id"] == event.pk
    response, data = get(client, f"{API}/events/by-path?path={url_prefix()}agenda/nope/")
    assert response.status_code == 404
    response, data = get(client, f"{API}/events/by-path")
    assert response.status_code == 400
    assert list(data) == ["path"]


def test_unknown_and_invalid_parameters_are_field_keyed_400(client, make_event):
    response, data = get(
        client, f"{API}/events?colour=red&when=tomorrow&limit=500&starts_after=hier&status=x"
    )
    assert response.status_code == 400
    assert sorted(data) == ["colour", "limit", "starts_after", "status", "when"]
    assert data["colour"] == [site_text("Paramètre inconnu.")]
    assert data["limit"] == [site_text("Indiquez un nombre entre 1 et 100.")]
    english = json.loads(client.get(f"{API}/events?colour=red", HTTP_ACCEPT_LANGUAGE="en").content)
    assert english == {"colour": ["Unknown parameter."]}


def test_pagination_links(client, make_event):
    for n in range(5):
        make_event(day=dt.date(2024, 11, 1 + n), title=f"E{n}")
    _response, data = get(client, f"{API}/events?limit=2&offset=2")
    assert data["count"] == 5
    assert titles(data) == ["E2", "E3"]
    assert data["next"] == "http://testserver/api/rencontres/events?limit=2&offset=4"
    assert data["previous"] == "http://testserver/api/rencontres/events?limit=2&offset=0"


def test_the_last_page_has_no_next_link(client, make_event):
    for n in range(4):
        make_event(day=dt.date(2024, 11, 1 + n), title=f"E{n}")
    _response, data = get(client, f"{API}/events?limit=2&offset=2")
    assert titles(data) == ["E2", "E3"]
    assert data["next"] is None
    assert data["count"] == 4
    assert data["count_is_exact"] is True


def test_postgresql_estimates_counts_past_the_exact_limit(client, make_event, settings):
    """Past the limit the count is PostgreSQL's estimate; pages and links stay exact."""
    if connection.vendor != "postgresql":
        pytest.skip("the planner estimate is PostgreSQL's (CI runs this suite on it)")
    for n in range(5):
        make_event(day=dt.date(2024, 11, 1 + n), title=f"E{n}")
    settings.WAGTAILRENCONTRES_API_EXACT_COUNT_LIMIT = 3
    _response, data = get(client, f"{API}/events?limit=2&offset=2")
    assert data["count_is_exact"] is False
    assert data["count"] >= 4
    assert titles(data) == ["E2", "E3"]
    assert data["next"].endswith("limit=2&offset=4")
    settings.WAGTAILRENCONTRES_API_EXACT_COUNT_LIMIT = 5
    _response, data = get(client, f"{API}/events?limit=2&offset=4")
    assert (data["count"], data["count_is_exact"], data["next"]) == (5, True, None)


def test_when_upcoming_includes_ongoing(client, make_event, now):
    make_event(day=dt.date(2024, 11, 27), title="Past")
    make_event(day=dt.date(2024, 11, 28), title="Ongoing")
    make_event(day=dt.date(2024, 11, 29), title="Upcoming")
    assert titles(get(client, f"{API}/events?when=upcoming")[1]) == ["Ongoing", "Upcoming"]
    assert titles(get(client, f"{API}/events?when=ongoing")[1]) == ["Ongoing"]
    assert titles(get(client, f"{API}/events?when=past")[1]) == ["Past"]
    data = get(client, f"{API}/events?when=upcoming")[1]
    assert [e["temporal_status"] for e in data["results"]] == ["ongoing", "upcoming"]


def test_multi_day_event_overlaps_ends_after(client, make_event):
    make_event(
        start=paris(dt.date(2024, 11, 26), 9), end=paris(dt.date(2024, 11, 29), 17), title="Long"
    )
    make_event(day=dt.date(2024, 11, 25), title="Before")
    assert titles(get(client, f"{API}/events?ends_after=2024-11-28")[1]) == ["Long"]
    assert titles(get(client, f"{API}/events?starts_after=2024-11-28")[1]) == []
    assert titles(get(client, f"{API}/events?starts_before=2024-11-25")[1]) == ["Before"]
    assert titles(get(client, f"{API}/events?ends_before=2024-11-28")[1]) == ["Before"]


def test_date_filters_follow_local_midnight_across_dst(client, make_event):
    # Clocks went back in Paris on 27 October 2024: that day lasts 25 hours.
    make_event(
        start=paris(dt.date(2024, 10, 27), 23, 30),
        end=paris(dt.date(2024, 10, 28), 1),
        title="Late",
    )
    make_event(
        start=paris(dt.date(2024, 10, 28), 0, 30),
        end=paris(dt.date(2024, 10, 28), 2),
        title="Early",
    )
    assert titles(get(client, f"{API}/events?starts_before=2024-10-27")[1]) == ["Late"]
    assert titles(get(client, f"{API}/events?starts_after=2024-10-28")[1]) == ["Early"]
    response = get(client, f"{API}/events?starts_after=2024-10-28T00:00:00%2B01:00")[1]
    assert titles(response) == ["Early"]


def test_relation_and_place_filters(client, make_event):
    health = ThemeFactory(name="Santé", slug="sante")
    dijon = VenueFactory()
    lyon = VenueFactory(
        name="Hôtel de région",
        city="Lyon",
        department="Rhône",
        department_code="69",
        region="Auvergne-Rhône-Alpes",
    )
    orga = OrganisationFactory()
    first = make_event(title="A", venue=dijon, day=dt.date(2024, 11, 1))
    first.themes.add(health)
    first.save()
    EventPartner.objects.create(page=first, organisation=orga, role=PartnerRole.ORGANISER)
    make_event(
        title="B",
        venue=lyon,
        status="cancelled",
        attendance_mode="online",
        online_url="https://visio.example",
        day=dt.date(2024, 11, 2),
    )
    assert titles(get(client, f"{API}/events?theme=sante")[1]) == ["A"]
    assert titles(get(client, f"{API}/events?venue={lyon.pk}")[1]) == ["B"]
    assert titles(get(client, f"{API}/events?city=dijon")[1]) == ["A"]
    assert titles(get(client, f"{API}/events?department=69")[1]) == ["B"]
    assert titles(get(client, f"{API}/events?region=Bourgogne-Franche-Comté")[1]) == ["A"]
    assert titles(get(client, f"{API}/events?organiser={orga.pk}")[1]) == ["A"]
    assert titles(get(client, f"{API}/events?status=cancelled")[1]) == ["B"]
    assert titles(get(client, f"{API}/events?attendance_mode=online,mixed")[1]) == ["B"]
    assert titles(get(client, f"{API}/events?ordering=-start")[1]) == ["B", "A"]
    assert titles(get(client, f"{API}/events?locale={default_language()}&ordering=title")[1]) == [
        "A",
        "B",
    ]
    assert get(client, f"{API}/events?locale=xx")[1] == {
        "locale": [site_text("Langue inconnue xx.")]
    }


def test_speaker_filter_ignores_restricted_sessions(client, programme_event):
    event, public_speaker, secret = programme_event()
    assert titles(get(client, f"{API}/events?speaker={public_speaker.pk}")[1]) == [event.title]
    assert titles(get(client, f"{API}/events?speaker={secret.pk}")[1]) == []
    assert client.get(f"{API}/speakers/{secret.pk}").status_code == 404
    _response, data = get(client, f"{API}/speakers/{public_speaker.pk}")
    schemas.SpeakerDetail.model_validate(data)
    assert [e["id"] for e in data["events"]] == [event.pk]


def test_registration_open_filter(client, make_event, now):
    make_event(title="Open", day=dt.date(2024, 12, 5), registration_mode="internal")
    make_event(
        title="Closed",
        day=dt.date(2024, 12, 6),
        registration_mode="internal",
        registration_closes_at=paris(dt.date(2024, 11, 1)),
    )
    make_event(title="None", day=dt.date(2024, 12, 7))
    assert titles(get(client, f"{API}/events?registration_open=true")[1]) == ["Open"]
    assert titles(get(client, f"{API}/events?registration_open=false")[1]) == ["Closed", "None"]


def test_full_text_search(client, make_event):
    make_event(title="Santé communautaire", subtitle="Approches", day=dt.date(2024, 11, 1))
    make_event(title="Jeunesse", day=dt.date(2024, 11, 2))
    assert titles(get(client, f"{API}/events?q=communautaire")[1]) == ["Santé communautaire"]


def test_updated_since_returns_tombstones(client, make_event):
    since = timezone.now() - dt.timedelta(minutes=1)
    kept = make_event(title="Kept")
    kept.save_revision().publish()
    gone = make_event(title="Gone")
    gone.save_revision().publish()
    gone.unpublish()
    url = f"{API}/events?updated_since={since.isoformat().replace('+', '%2B')}"
    _response, data = get(client, url)
    assert titles(data) == ["Kept"]
    assert [(t["id"], t["uuid"]) for t in data["tombstones"]] == [(gone.pk, str(gone.uuid))]
    assert kept.pk != gone.pk


def test_an_event_made_public_again_comes_back_in_updated_since(client, make_event):
    from wagtail.models import PageViewRestriction

    event = make_event(title="Réservée puis publique")
    event.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=event, restriction_type="login")
    since = timezone.now()
    url = f"{API}/events?updated_since={since.isoformat().replace('+', '%2B')}"
    hidden = get(client, url)[1]
    assert (titles(hidden), hidden["tombstones"]) == ([], [])

    restriction.delete()

    _response, data = get(client, url)
    assert titles(data) == ["Réservée puis publique"]
    assert data["tombstones"] == []


def test_etag_and_last_modified_give_304(client, make_event):
    make_event().save_revision().publish()
    response = client.get(f"{API}/events")
    assert response["Cache-Control"] == "public, max-age=300"
    again = client.get(f"{API}/events", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    modified = client.get(f"{API}/events", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert modified.status_code == 304


@override_settings(
    CORS_ALLOWED_ORIGINS=["https://front.example"],
    WAGTAILRENCONTRES_API_CACHE_CONTROL="no-cache",
)
def test_cors_and_cache_control_are_configurable(client, make_event):
    response = client.get(f"{API}/events", HTTP_ORIGIN="https://front.example")
    assert response["Access-Control-Allow-Origin"] == "https://front.example"
    assert response["Access-Control-Expose-Headers"] == "ETag, Last-Modified"
    assert response["Cache-Control"] == "no-cache"
    other = client.get(f"{API}/events", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other


@override_settings(CORS_ALLOWED_ORIGINS=["https://front.example"])
def test_cors_preflight_and_feeds_but_not_pages(client, make_event):
    preflight = client.options(
        f"{API}/events",
        HTTP_ORIGIN="https://front.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "https://front.example"
    feed = client.get("/rencontres/ics/events.ics", HTTP_ORIGIN="https://front.example")
    assert feed["Access-Control-Allow-Origin"] == "https://front.example"
    page = client.get("/", HTTP_ORIGIN="https://front.example")
    assert "Access-Control-Allow-Origin" not in page


@override_settings(WAGTAILRENCONTRES_API_CORS_ALLOWED_ORIGINS=["*"])
def test_the_removed_cors_setting_gets_a_warning():
    warnings = [m for m in checks.run_checks() if m.id == "wagtail_rencontres.W010"]
    assert [m.msg for m in warnings] == [
        "WAGTAILRENCONTRES_API_CORS_ALLOWED_ORIGINS is no longer read: "
        "the API and feeds send CORS headers through django-cors-headers."
    ]


def _count_queries(client, url):
    client.get(url)  # fill per-process caches (site root paths, content types) first
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_list_query_count_is_constant_with_programme(client, programme_event, make_event):
    programme_event()
    one = _count_queries(client, f"{API}/events?expand=programme")
    for n in range(11):
        programme_event(title=f"E{n}")
    many = _count_queries(client, f"{API}/events?expand=programme&limit=100")
    assert json.loads(client.get(f"{API}/events?limit=100").content)["count"] == 12
    assert many == one


def test_openapi_and_local_docs(client):
    schema = json.loads(client.get(f"{API}/openapi.json").content)
    assert "/api/rencontres/events" in schema["paths"]
    assert "/api/rencontres/speakers/{speaker_id}" in schema["paths"]
    docs = client.get(f"{API}/docs").content.decode()
    assert "/static/ninja/swagger-ui" in docs
    assert "cdn" not in docs.lower()


def test_records_endpoints(client, make_event):
    theme = ThemeFactory(name="Santé", slug="sante")
    venue = VenueFactory()
    _r, data = get(client, f"{API}/themes")
    assert data["results"] == [{"id": theme.pk, "name": "Santé", "slug": "sante"}]
    _r, data = get(client, f"{API}/venues/{venue.pk}")
    assert data["city"] == "Dijon"
    assert get(client, f"{API}/themes?colour=1")[1] == {"colour": [site_text("Paramètre inconnu.")]}


def test_registration_open_filter_counts_places(client, make_event, now):
    from wagtail_rencontres.models import Registration

    def full_event(title, day, **fields):
        event = make_event(
            title=title, day=day, registration_mode="internal", registration_capacity=1, **fields
        )
        Registration.objects.create(
            page=event,
            status="confirmed",
            consent_version="v1",
            form_data={},
            first_name="Anne",
            last_name="Brunner",
            email=f"{title.lower()}@example.org",
        )
        return event

    full_event("Full", dt.date(2024, 12, 5), registration_waitlist=False)
    full_event("Waitlist", dt.date(2024, 12, 6), registration_waitlist=True)
    make_event(
        title="Room",
        day=dt.date(2024, 12, 7),
        registration_mode="internal",
        registration_capacity=2,
    )
    assert titles(get(client, f"{API}/events?registration_open=true")[1]) == ["Waitlist", "Room"]
    data = get(client, f"{API}/events?registration_open=false")[1]
    assert titles(data) == ["Full"]
    assert data["results"][0]["registration"]["is_open"] is False
