"""The survey page, empty and after a submission with an error, and the results: axe-clean."""

import pytest
from django.urls import reverse

from tests.a11y.conftest import describe_violations, doc_screenshot, logged_in_context, run_axe
from tests.survey.conftest import (  # noqa: F401 - fixtures used by name
    ended_event,
    open_event,
    register,
)
from wagtail_rencontres.models import SurveyInvitation, SurveyResponse
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
    doc_screenshot(browser_page, "survey")
    violations = run_axe(browser_page, axe_source)
    assert violations == [], describe_violations(url, violations)
    browser_page.click("button[type=submit]")
    browser_page.wait_for_selector("#survey-errors")
    assert browser_page.evaluate("document.activeElement.id") == "survey-errors"
    violations = run_axe(browser_page, axe_source)
    assert violations == [], describe_violations(url, violations)


def test_the_survey_results_pass_axe(
    chromium,
    live_server,
    axe_source,
    django_user_model,
    ended_event,  # noqa: F811 - the imported fixture
):
    event, _registrations = ended_event(present=1, absent=0)
    for score, preferred, comment in (
        ("5", "Présentiel", "Des échanges très concrets entre communes."),
        ("4", "Présentiel", ""),
        ("3", "Visio", "Un atelier de plus sur l'évaluation."),
    ):
        SurveyResponse.objects.create(
            event_id=event.pk,
            submitted_on=event.end.date(),
            answers={
                "note_globale": score,
                "format_prefere": preferred,
                "commentaires": comment,
            },
        )
    user = django_user_model.objects.create_superuser("manager", "manager@example.org", "pw")
    context = logged_in_context(chromium, live_server, user)
    page = context.new_page()
    url = live_server.url + reverse("wagtail_rencontres_survey:results", args=[event.pk])
    page.goto(url)
    assert page.get_by_text("Un atelier de plus sur l'évaluation.").count() == 1
    doc_screenshot(page, "survey-results")
    violations = run_axe(page, axe_source)
    context.close()
    assert violations == [], describe_violations(url, violations)
