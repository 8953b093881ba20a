"""The check-in page on a 375 px phone: three people checked in by tapping, axe-clean."""

import re

import pytest
from django.urls import reverse

from tests.a11y.conftest import describe_violations, logged_in_context, run_axe
from tests.registration.conftest import (  # noqa: F401 - fixtures used by name
    FUTURE_DAY,
    open_event,
    register,
)
from wagtail_rencontres.models import Attendance

# serialized_rollback: the flush after a transactional test would take the
# locales and root page the later browser tests need with it.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def phone(chromium, live_server, django_user_model):
    """A 375 px wide tab logged in as a superuser."""
    user = django_user_model.objects.create_superuser("steward", "steward@example.org", "pw")
    context = logged_in_context(chromium, live_server, user, width=375, height=740)
    page = context.new_page()
    yield page
    context.close()


def test_three_people_checked_in_on_a_phone(
    phone,
    live_server,
    axe_source,
    open_event,  # noqa: F811 - the imported fixture
    register,  # noqa: F811 - the imported fixture
):
    event = open_event()
    people = [register(event, n) for n in (1, 2, 3)]
    url = live_server.url + reverse("wagtail_rencontres_checkin:list", args=[event.pk])
    phone.goto(url + f"?day={FUTURE_DAY.isoformat()}")
    violations = run_axe(phone, axe_source)
    assert violations == [], describe_violations(url, violations)
    for person in people:
        # Search as you type narrows the list to the one person, then one tap.
        phone.fill("#id_q", person.last_name)
        rows = phone.locator(".rencontres-checkin-people li")
        rows.first.wait_for()
        phone.wait_for_function(
            "n => document.querySelectorAll('.rencontres-checkin-people li').length === n", arg=1
        )
        phone.get_by_role("button", name=re.compile(person.full_name)).click()
        phone.wait_for_selector("[role=alert]")
    assert Attendance.objects.filter(event_id=event.pk).count() == 3
    phone.goto(url + f"?day={FUTURE_DAY.isoformat()}")
    assert phone.locator(".rencontres-checkin-people li.is-present").count() == 3
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0
    violations = run_axe(phone, axe_source)
    assert violations == [], describe_violations(url, violations)
