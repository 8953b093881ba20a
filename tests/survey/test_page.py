"""The survey page: its form, one response per link, refusals, French, CSRF and honeypot."""

import pytest
from django.test import Client

from tests.survey.conftest import shown
from wagtail_rencontres.models import SurveyInvitation, SurveyResponse
from wagtail_rencontres.services import survey

pytestmark = pytest.mark.django_db

ANSWERS = {"note_globale": "4", "format_prefere": "Visio", "commentaires": "Très utile"}


@pytest.fixture
def link(ended_event):
    """``(event, invitation, url)`` of a present registrant whose survey was sent."""
    event, _registrations = ended_event(present=1, absent=0)
    survey.send_due()
    invitation = SurveyInvitation.objects.get()
    url = event.url + event.reverse_subpage(
        "survey", kwargs={"token": survey.signed_token(invitation)}
    ).lstrip("/")
    return event, invitation, url


def test_the_page_shows_the_questions_privately(client, link):
    _event, _invitation, url = link
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    html = response.content.decode()
    assert 'name="note_globale"' in html
    assert 'name="commentaires"' in html
    assert f"<h1>{shown('Satisfaction survey')}</h1>" in html


def test_answers_are_recorded_once_with_the_day_only(client, link):
    event, invitation, url = link
    response = client.post(url, ANSWERS)
    assert response.status_code == 302
    assert client.post(url, {**ANSWERS, "note_globale": "1"}).status_code == 200
    response_row = SurveyResponse.objects.get()
    assert response_row.event_id == event.pk
    assert response_row.answers == ANSWERS
    invitation.refresh_from_db()
    assert invitation.used is True
    page = client.get(url).content.decode()
    thanks = shown("Thank you: your answers are recorded. This link cannot be used again.")
    assert thanks in page
    assert 'name="note_globale"' not in page


def test_a_missing_answer_shows_the_error_summary_in_french(client, link):
    _event, _invitation, url = link
    response = client.post(url, {"format_prefere": "Visio"})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="survey-errors"' in html
    assert 'href="#id_note_globale_0"' in html
    assert SurveyResponse.objects.count() == 0


def test_a_filled_honeypot_records_nothing(client, link):
    _event, invitation, url = link
    assert client.post(url, {**ANSWERS, "website": "spam"}).status_code == 422
    assert SurveyResponse.objects.count() == 0
    invitation.refresh_from_db()
    assert invitation.used is False


def test_a_forged_or_foreign_link_is_refused(client, link, open_event):
    _event, invitation, url = link
    tampered = url[:-3] + ("xx/" if url[-3:] != "xx/" else "yy/")
    assert client.get(tampered).status_code == 404
    assert client.post(tampered, ANSWERS).status_code == 404
    other = open_event()
    foreign = other.url + other.reverse_subpage(
        "survey", kwargs={"token": survey.signed_token(invitation)}
    ).lstrip("/")
    assert client.get(foreign).status_code == 404
    assert SurveyResponse.objects.count() == 0


def test_nul_bytes_and_odd_unicode_give_a_form_not_a_500(client, link):
    _event, _invitation, url = link
    response = client.post(url, {**ANSWERS, "commentaires": "a\x00b", "note_globale": "9" * 400})
    assert response.status_code == 422


def test_the_post_needs_the_csrf_token(link):
    _event, _invitation, url = link
    assert Client(enforce_csrf_checks=True).post(url, ANSWERS).status_code == 403
    assert SurveyResponse.objects.count() == 0


def test_posts_over_the_rate_limit_are_refused(client, link, settings):
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 1
    _event, _invitation, url = link
    client.post(url, {"format_prefere": "Visio"})
    response = client.post(url, ANSWERS)
    assert response.status_code == 429
    assert SurveyResponse.objects.count() == 0
