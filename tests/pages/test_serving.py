"""An agenda routes to its events in one query: privacy and drafts hold as Wagtail's routing."""

import datetime as dt

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import CyclePageFactory
from wagtail_rencontres import conf
from wagtail_rencontres.services import serving

DAY = dt.date.today() + dt.timedelta(days=30)


@pytest.fixture
def event(make_event):
    return make_event(DAY, 9, 17, title="Rencontre privée", subtitle="Le chapô secret")


def test_an_event_below_a_password_protected_agenda_asks_for_the_password(client, agenda, event):
    PageViewRestriction.objects.create(
        page=agenda, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(event.url)
    assert response.status_code == 200
    assert "Le chapô secret" not in response.content.decode()
    assert 'name="password"' in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_an_event_for_logged_in_visitors_sends_others_to_the_login(client, event):
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(event.url)
    assert response.status_code == 302
    assert f"/login/?next={event.url}" in response["Location"]


def test_a_draft_event_is_not_found(client, event):
    url = event.url
    event.unpublish()
    assert client.get(url).status_code == 404


def test_an_unknown_slug_below_an_agenda_is_not_found(client, agenda):
    assert client.get(f"{agenda.url}nothing-here/").status_code == 404


def test_a_public_event_is_served_with_its_subtitle(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    assert "Le chapô secret" in response.content.decode()


def test_a_cycle_below_an_agenda_is_routed_wagtails_way(client, agenda):
    cycle = CyclePageFactory(parent=agenda, title="Un cycle", slug="un-cycle")
    assert client.get(cycle.url).status_code == 200


def test_a_page_routed_in_one_query_comes_with_its_locale(rf, agenda, django_assert_num_queries):
    """The page's template reads its locale for ``lang``: no query of its own."""
    parent = agenda.get_parent()
    agendas = conf.page_model("AgendaPage").objects.all()
    request = rf.get(agenda.url)
    language = agenda.locale.language_code
    with django_assert_num_queries(1):
        routed = serving.route(parent, request, [agenda.slug], agendas)
        assert routed.page.locale.language_code == language
