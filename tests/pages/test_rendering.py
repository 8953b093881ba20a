import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from tests.factories import SpeakerFactory, VenueFactory, paris
from wagtail_rencontres.models import AgendaPage, CyclePage, EventPage
from wagtail_rencontres.services.typography import french

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    now = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: now)
    return now


def test_every_demo_page_renders(demo, client):
    pages = [demo.home, demo.agenda, *demo.events.values(), *demo.cycles]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        # French titles get French spacing (a narrow no-break space before ":").
        assert f"<h1>{french(escape(page.title))}</h1>" in response.content.decode(), page.url


def test_agenda_lists_upcoming_by_default_and_past_on_request(demo, client):
    upcoming = client.get(demo.agenda.url)
    assert [e.slug for e in upcoming.context["events"]] == [
        "approches-communautaires-en-sante",
        "lutte-contre-les-discriminations-qpv",
        "pre-et-cites-educatives",
        "place-des-femmes-espaces-publics",
    ]
    past = client.get(demo.agenda.url, {"when": "past"})
    assert [e.slug for e in past.context["events"]] == [
        "participation-citoyenne-quartiers-prioritaires",
        "intelligence-territoriale-premiere-sequence",
        "jeunes-des-quartiers-orientation-insertion",
        "faire-vivre-les-contrats-de-ville-grand-est",
        "forum-interculturalite-vivre-ensemble",
    ]


def test_agenda_ignores_an_unknown_when_value(demo, client):
    response = client.get(demo.agenda.url, {"when": "<script>"})
    assert response.status_code == 200
    assert response.context["when"] == "upcoming"


def test_agenda_keeps_ongoing_multi_day_event_in_upcoming(agenda, make_event, client, frozen_now):
    make_event(
        title="Cycle de trois jours",
        start=paris(dt.date(2026, 11, 24), 9),
        end=paris(dt.date(2026, 11, 26), 17),
    )
    response = client.get(agenda.url)
    assert [e.title for e in response.context["events"]] == ["Cycle de trois jours"]


def test_agenda_hides_drafts_and_private_events(agenda, make_event, client):
    from wagtail.models import PageViewRestriction

    make_event(
        title="Publique", start=paris(dt.date(2027, 1, 7), 9), end=paris(dt.date(2027, 1, 7), 17)
    )
    draft = make_event(
        title="Brouillon", start=paris(dt.date(2027, 1, 8), 9), end=paris(dt.date(2027, 1, 8), 17)
    )
    draft.unpublish()
    private = make_event(
        title="Privée", start=paris(dt.date(2027, 1, 9), 9), end=paris(dt.date(2027, 1, 9), 17)
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    response = client.get(agenda.url)
    assert [e.title for e in response.context["events"]] == ["Publique"]
    assert b"Brouillon" not in response.content
    assert "Privée" not in response.content.decode()


def test_event_page_hides_restricted_session_details(demo, client):
    event = demo.events["lutte-contre-les-discriminations-qpv"]
    html = client.get(event.url).content.decode()
    assert "Réflexion opérationnelle en assemblée restreinte" in html
    assert "Chefs de projet intercommunaux, Services de l&#x27;État" in html
    assert "Salle du GAP" not in html
    assert "Atelier de travail du GAP" not in html


def test_event_page_shows_programme_speakers_and_partners(demo, client):
    event = demo.events["participation-citoyenne-quartiers-prioritaires"]
    html = client.get(event.url).content.decode()
    assert "Patrick Norynberg" in html
    assert '<time datetime="2025-03-27T09:00:00+01:00">9\u00a0h</time>' in html
    assert "Pays et Quartiers de Nouvelle-Aquitaine" in html
    assert 'href="https://example.org/pqna/inscription"' not in html  # deadline passed


def test_cancelled_event_stays_listed_and_flagged(agenda, make_event, client):
    make_event(
        title="Annulée",
        status="cancelled",
        start=paris(dt.date(2027, 2, 4), 9),
        end=paris(dt.date(2027, 2, 4), 17),
    )
    response = client.get(agenda.url)
    assert [e.title for e in response.context["events"]] == ["Annulée"]
    assert 'class="rencontres-card is-cancelled"' in response.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_agenda_query_count_does_not_grow_with_events(agenda, make_event, client):
    venue = VenueFactory()
    make_event(start=paris(dt.date(2027, 1, 7), 9), end=paris(dt.date(2027, 1, 7), 17), venue=venue)
    client.get(agenda.url)  # warm caches (site root paths, content types)
    one = count_queries(client, agenda.url)
    for day in range(8, 20):
        make_event(
            start=paris(dt.date(2027, 1, day), 9), end=paris(dt.date(2027, 1, day), 17), venue=venue
        )
    many = count_queries(client, agenda.url)
    assert many == one


def test_event_page_query_count_does_not_grow_with_speakers(agenda, make_event, client):
    def programme(n):
        speakers = [SpeakerFactory() for _ in range(n)]
        return [
            {
                "type": "day",
                "id": "d1",
                "value": {
                    "date": "2027-01-07",
                    "title": "",
                    "sessions": [
                        {
                            "type": "item",
                            "id": f"s{i}",
                            "value": {
                                "start_time": "09:00",
                                "end_time": "10:00",
                                "title": f"Session {i}",
                                "format": "talk",
                                "speakers": [
                                    {
                                        "type": "item",
                                        "id": f"r{i}",
                                        "value": {"speaker": s.pk, "role": ""},
                                    }
                                ],
                                "restricted_audiences": [],
                            },
                        }
                        for i, s in enumerate(speakers)
                    ],
                },
            }
        ]

    small = make_event(
        start=paris(dt.date(2027, 1, 7), 9),
        end=paris(dt.date(2027, 1, 7), 17),
        programme=programme(1),
    )
    large = make_event(
        start=paris(dt.date(2027, 1, 7), 9),
        end=paris(dt.date(2027, 1, 7), 17),
        programme=programme(12),
    )
    client.get(small.url)
    assert count_queries(client, large.url) == count_queries(client, small.url)


def test_page_types_can_be_created_where_expected(site_root, agenda):
    assert AgendaPage.can_create_at(site_root) is True
    assert EventPage.can_create_at(agenda) is True
    assert CyclePage.can_create_at(agenda) is True
    assert CyclePage.can_create_at(site_root) is False
