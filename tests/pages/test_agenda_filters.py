"""The agenda's filters (GET form, database filters) and what its cards show."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from tests.factories import (
    EventFormatFactory,
    EventPageFactory,
    ThemeFactory,
    VenueFactory,
    paris,
)
from tests.sites import default_language

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)


def day(n):
    return dt.date(2027, 1, n)


@pytest.fixture
def events(make_event):
    """Three upcoming events: Dijon (theme santé, format forum), Besançon, online."""
    sante, emploi = ThemeFactory(name="Santé", slug="sante"), ThemeFactory(slug="emploi")
    forum = EventFormatFactory(name="Forum", slug="forum")
    dijon = VenueFactory()
    besancon = VenueFactory(
        name="Salle B", city="Besançon", department="Doubs", department_code="25"
    )
    lyon = VenueFactory(
        name="Salle L", city="Lyon", department="Rhône", region="Auvergne-Rhône-Alpes"
    )
    first = make_event(
        start=paris(day(7), 9), end=paris(day(7), 17), venue=dijon, format=forum, title="Dijon"
    )
    first.themes.set([sante])
    first.save_revision().publish()
    second = make_event(
        start=paris(day(14), 9), end=paris(day(14), 17), venue=besancon, title="Besançon"
    )
    second.themes.set([emploi])
    second.save_revision().publish()
    make_event(start=paris(day(21), 9), end=paris(day(21), 17), venue=lyon, title="Lyon")
    make_event(
        start=paris(day(28), 9),
        end=paris(day(28), 12),
        attendance_mode="online",
        online_url="https://visio.example.org/r",
        title="Visio",
    )
    return [first, second]


def make_draft_event(agenda, venue):
    event = EventPageFactory(
        parent=agenda, venue=venue, start=paris(day(9), 9), end=paris(day(9), 17), title="Brest"
    )
    event.unpublish()
    event.refresh_from_db()
    return event


def titles(response):
    return [card["title"] for card in response.context["cards"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["Dijon", "Besançon", "Lyon", "Visio"]),
        ({"theme": "sante"}, ["Dijon"]),
        ({"format": "forum"}, ["Dijon"]),
        ({"region": "Bourgogne-Franche-Comté"}, ["Dijon", "Besançon"]),
        ({"department": "Doubs"}, ["Besançon"]),
        ({"date_from": "2027-01-10", "date_to": "2027-01-21"}, ["Besançon", "Lyon"]),
        ({"theme": "sante", "department": "Doubs"}, []),
    ],
)
def test_agenda_filters_in_the_database(events, agenda, client, query, expected):
    response = client.get(agenda.url, query)
    assert response.status_code == 200
    assert titles(response) == expected


def test_agenda_filter_choices_come_from_terms_and_venues(events, agenda, client):
    form = client.get(agenda.url).context["filter_form"]
    assert [value for value, _label in form.fields["region"].choices] == [
        "",
        "Auvergne-Rhône-Alpes",
        "Bourgogne-Franche-Comté",
    ]
    assert [value for value, _label in form.fields["department"].choices] == [
        "",
        "Côte-d'Or",
        "Doubs",
        "Rhône",
    ]
    assert ("sante", "Santé") in form.fields["theme"].choices


def test_agenda_place_choices_are_those_of_visible_events_only(events, agenda, client):
    """A venue with no event, or only a draft's, is no choice; a past event's venue is."""
    VenueFactory(name="Salle vide", department="Gironde", region="Nouvelle-Aquitaine")
    draft = make_draft_event(agenda, VenueFactory(department="Finistère", region="Bretagne"))
    assert not draft.live
    past_venue = VenueFactory(department="Nord", region="Hauts-de-France")
    EventPageFactory(
        parent=agenda,
        venue=past_venue,
        start=paris(dt.date(2025, 3, 4), 9),
        end=paris(dt.date(2025, 3, 4), 17),
        title="Lille",
    )
    with CaptureQueriesContext(connection) as queries:
        form = client.get(agenda.url).context["filter_form"]
    assert [value for value, _label in form.fields["region"].choices] == [
        "",
        "Auvergne-Rhône-Alpes",
        "Bourgogne-Franche-Comté",
        "Hauts-de-France",
    ]
    assert "Finistère" not in dict(form.fields["department"].choices)
    # The choices are read from the venues table, each checked for a visible event.
    choices = [q["sql"] for q in queries.captured_queries if "UNION" in q["sql"]]
    assert len(choices) == 1
    venues = connection.ops.quote_name(VenueFactory._meta.model._meta.db_table)
    places = choices[0].split(" UNION ")[3:]
    assert len(places) == 2
    assert all(part.split(" WHERE ")[0].endswith(f"FROM {venues}") for part in places)


def test_agenda_with_no_result_says_so_and_offers_to_clear(events, agenda, client):
    html = client.get(agenda.url, {"theme": "sante", "department": "Doubs"}).content.decode()
    assert 'class="rencontres-empty"' in html
    assert 'href="?when=upcoming"' in html


def test_agenda_bad_filter_values_are_form_errors_not_500(events, agenda, client):
    response = client.get(
        agenda.url, {"theme": "nope\x00", "date_from": "99999-01-01", "date_to": "2027-01-21"}
    )
    assert response.status_code == 200
    assert set(response.context["filter_form"].errors) == {"theme", "date_from"}
    # The valid filter still applies.
    assert titles(response) == ["Dijon", "Besançon", "Lyon"]


def test_agenda_date_range_backwards_is_an_error(events, agenda, client):
    form = client.get(agenda.url, {"date_from": "2027-02-01", "date_to": "2027-01-01"}).context[
        "filter_form"
    ]
    assert list(form.errors) == ["date_to"]


def test_agenda_pagination_keeps_the_filters(events, agenda, client, settings):
    settings.WAGTAILRENCONTRES_AGENDA_PAGE_SIZE = 1
    html = client.get(agenda.url, {"region": "Bourgogne-Franche-Comté"}).content.decode()
    assert 'href="?region=Bourgogne-Franche-Comt%C3%A9&amp;page=2"' in html


def test_card_shows_place_format_themes_and_registration(events, agenda, client):
    first = events[0]
    first.registration_mode = "internal"
    first.registration_capacity = 30
    first.registration_closes_at = paris(day(5), 23)
    first.save_revision().publish()
    response = client.get(agenda.url, {"theme": "sante"})
    card = response.context["cards"][0]
    assert card["venue"]["city"] == "Dijon"
    assert card["format"]["name"] == "Forum"
    assert [theme["name"] for theme in card["themes"]] == ["Santé"]
    assert card["registration"]["places_left"] == 30
    html = response.content.decode()
    assert "Maison Diocésaine, Dijon" in html
    assert '<ul class="rencontres-tags"' in html
    assert "rencontres-badge--open" in html


def test_card_of_online_event_says_online(events, agenda, client):
    response = client.get(agenda.url, {"date_from": "2027-01-28"})
    assert titles(response) == ["Visio"]
    html = response.content.decode()
    assert f'<p class="rencontres-where">{gettext("Online")}</p>' in html


def test_card_of_cancelled_event_shows_status_and_no_registration(events, agenda, client):
    first = events[0]
    first.status = "cancelled"
    first.registration_mode = "internal"
    first.save_revision().publish()
    html = client.get(agenda.url, {"theme": "sante"}).content.decode()
    assert "rencontres-status--cancelled" in html
    assert "rencontres-card-registration" not in html


def test_agenda_queries_do_not_grow_with_filters(
    events, agenda, client, django_assert_max_num_queries
):
    client.get(agenda.url)  # warm caches (site root paths, content types)
    with django_assert_max_num_queries(13):
        client.get(
            agenda.url,
            {"theme": "sante", "region": "Bourgogne-Franche-Comté", "date_from": "2027-01-01"},
        )


def agenda_counts(client, agenda):
    """The agenda's count line and its "Page n of m" line, in the site's language."""
    html = client.get(agenda.url).content.decode()
    status = re.search(r'<p class="rencontres-muted" role="status">([^<]*)</p>', html)
    pages = re.search(r"<li>((?:Page|page)[^<]*)</li>", html)
    return " ".join(status.group(1).split()), " ".join(pages.group(1).split())


def test_agenda_counts_exactly_up_to_the_limit(events, agenda, client, settings):
    settings.WAGTAILRENCONTRES_AGENDA_PAGE_SIZE = 1
    with translation.override(default_language()):
        expected = (
            # Dijon, Besançon, Lyon and the online event, one a page.
            ngettext("%(counter)s event", "%(counter)s events", 4) % {"counter": 4},
            gettext("Page %(number)s of %(total)s") % {"number": 1, "total": 4},
        )
    assert agenda_counts(client, agenda) == expected


def test_agenda_estimates_its_count_past_the_limit_on_postgresql(events, agenda, client, settings):
    """As the API's lists: no scan of every event to print a count."""
    if connection.vendor != "postgresql":
        pytest.skip("the planner estimate is PostgreSQL's (CI runs this suite on it)")
    settings.WAGTAILRENCONTRES_AGENDA_PAGE_SIZE = 1
    settings.WAGTAILRENCONTRES_API_EXACT_COUNT_LIMIT = 2
    paginator = client.get(agenda.url).context["page_obj"].paginator
    assert paginator.count_is_exact is False
    assert paginator.count >= 3  # never below the rows counted
    with translation.override(default_language()):
        about = ngettext("About %(counter)s event", "About %(counter)s events", paginator.count)
        expected = (
            about % {"counter": paginator.count},
            gettext("Page %(number)s of about %(total)s")
            % {"number": 1, "total": paginator.num_pages},
        )
    assert agenda_counts(client, agenda) == expected
