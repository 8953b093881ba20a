"""The HTML event page runs a bounded number of queries, whatever its programme's size.

Issue #13 budgets the page at 12 queries, with the registration form and
without, on both test sites; images (the event's, logos, photos) cost the same
whatever their number (the benchmark smoke checks it on the example
site, whose cache is in the database).
"""

import json
import re
from pathlib import Path

import pytest
from wagtail_factories import ImageFactory

import wagtail_rencontres
from tests.factories import AudienceFactory
from tests.perf.conftest import count_queries, get_ok, programme
from wagtail_rencontres.enums import RegistrationMode
from wagtail_rencontres.services.representation.values import TEMPLATE_RENDITIONS

BUDGET = 12


def restrict_second_session(event, audience):
    """Reserve the programme's second session to ``audience`` (``None``: open it to all)."""
    days = json.loads(json.dumps(list(event.programme.raw_data)))
    session = days[0]["value"]["sessions"][1]["value"]
    session["restricted_audiences"] = (
        [{"type": "item", "id": "a1", "value": audience.pk}] if audience else []
    )
    event.programme = json.dumps(days)
    event.save()


@pytest.fixture
def page_event(full_event, records):
    """page_event(mode, sessions): a live event whose page shows a full programme."""
    audience = AudienceFactory()

    def make(mode, sessions):
        event = full_event(0, sessions=sessions, registration_mode=mode)
        event.audiences.set([audience])
        restrict_second_session(event, audience)
        return event

    return make


@pytest.mark.parametrize("mode", [RegistrationMode.INTERNAL, RegistrationMode.NONE])
def test_event_page_stays_within_its_budget(client, page_event, mode):
    event = page_event(mode, sessions=16)
    sent = count_queries(lambda: get_ok(client, event.url))
    assert len(sent) <= BUDGET, "\n".join(sql[:150] for sql in sent)


@pytest.mark.parametrize("mode", [RegistrationMode.INTERNAL, RegistrationMode.NONE])
def test_event_page_queries_do_not_grow_with_the_programme(client, page_event, records, mode):
    event = page_event(mode, sessions=2)
    two_sessions = len(count_queries(lambda: get_ok(client, event.url)))
    event.programme = programme(event.start.date(), 24, records["speakers"])
    event.save()
    restrict_second_session(event, event.audiences.get())
    assert len(count_queries(lambda: get_ok(client, event.url))) == two_sessions


def test_a_restricted_session_costs_no_query_beside_the_registration_form(client, page_event):
    """The form reads the locale's audiences first: the restricted session finds its own there."""
    event = page_event(RegistrationMode.INTERNAL, sessions=4)
    restricted = len(count_queries(lambda: get_ok(client, event.url)))
    restrict_second_session(event, None)
    assert len(count_queries(lambda: get_ok(client, event.url))) == restricted


def test_event_page_shows_the_registration_form_and_the_programme(client, page_event):
    event = page_event(RegistrationMode.INTERNAL, sessions=3)
    html = get_ok(client, event.url).content.decode()
    assert 'rencontres-registration-form"' in html
    assert html.count('class="rencontres-session ') == 3
    assert html.count("rencontres-session--talk is-restricted") == 1


def test_images_cost_the_same_whatever_their_number(client, page_event, records):
    """Logos and photos come with their records, their renditions in one query per kind."""
    event = page_event(RegistrationMode.INTERNAL, sessions=16)
    event.image = ImageFactory(file__width=1600, file__height=900)
    event.save()

    def with_images(count):
        for record in records["organisations"][:count]:
            record.logo = ImageFactory(file__width=400, file__height=200)
            record.save()
        for record in records["speakers"][:count]:
            record.photo = ImageFactory(file__width=300, file__height=300)
            record.save()
        get_ok(client, event.url)  # the first view makes the renditions
        return len(count_queries(lambda: get_ok(client, event.url)))

    one = with_images(1)
    assert with_images(3) == one
    html = get_ok(client, event.url).content.decode()
    assert html.count('alt=""') >= 1 + 3 + 3  # the event's image, three logos, three photos


def test_the_prefetched_renditions_are_those_the_templates_ask_for():
    """A template asking for a rendition the prefetch leaves out pays a query per image."""
    templates = Path(wagtail_rencontres.__file__).parent / "templates" / "wagtail_rencontres"
    asked = {
        match
        for path in templates.rglob("*.html")
        # Images inside StreamField blocks are read with their block, not prefetched.
        if path.parent.name != "blocks"
        for match in re.findall(r"{% image \S+ (\S+)", path.read_text())
    }
    assert asked == set(TEMPLATE_RENDITIONS)
