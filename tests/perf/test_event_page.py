"""The HTML event page runs a bounded number of queries, whatever its programme's size.

Issue #13 budgets the page at 12 queries, with the registration form and
without, on both test sites (the benchmark smoke checks it on the example
site, whose cache is in the database).
"""

import json

import pytest

from tests.factories import AudienceFactory
from tests.perf.conftest import count_queries, get_ok, programme
from wagtail_rencontres.enums import RegistrationMode

BUDGET = 12


def restrict_second_session(event, audience):
    """Reserve the programme's second session to ``audience`` (a restricted session)."""
    days = json.loads(json.dumps(list(event.programme.raw_data)))
    session = days[0]["value"]["sessions"][1]["value"]
    session["restricted_audiences"] = [{"type": "item", "id": "a1", "value": audience.pk}]
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


def test_event_page_shows_the_registration_form_and_the_programme(client, page_event):
    event = page_event(RegistrationMode.INTERNAL, sessions=3)
    html = get_ok(client, event.url).content.decode()
    assert 'rencontres-registration-form"' in html
    assert html.count('class="rencontres-session ') == 3
    assert html.count("rencontres-session--talk is-restricted") == 1
