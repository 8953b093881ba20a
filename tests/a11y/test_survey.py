"""The survey page, empty and after a submission with an error: axe-clean, errors focused."""

import pytest

from tests.a11y.conftest import describe_violations, run_axe
from tests.survey.conftest import (  # noqa: F401 - fixtures used by name
    ended_event,
    open_event,
    register,
)
from wagtail_rencontres.models import SurveyInvitation
from wagtail_rencontres.services import survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_survey_form_and_its_error_summary_pass_axe(
    browser_page,
    live_server,
    axe_source,
    ended_event,  # noqa: F811 - the imported fixture
):
    event, _registrations = ended_event(present=1, absent=0)
    survey.send_due()
    invitation = SurveyInvitation.objects.get()
    url = (
        live_server.url
        + event.url
        + event.reverse_subpage("survey", kwargs={"token": survey.signed_token(invitation)}).lstrip(
            "/"
        )
    )
    browser_page.goto(url)
    violations = run_axe(browser_page, axe_source)
    assert violations == [], describe_violations(url, violations)
    browser_page.click("button[type=submit]")
    browser_page.wait_for_selector("#survey-errors")
    assert browser_page.evaluate("document.activeElement.id") == "survey-errors"
    violations = run_axe(browser_page, axe_source)
    assert violations == [], describe_violations(url, violations)
