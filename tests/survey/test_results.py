"""Results: counts, averages, free texts, CSV, and the averages the activity report reads."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.survey.conftest import add_questions, shown
from wagtail_rencontres.models import SurveyResponse
from wagtail_rencontres.relations.models import SurveyQuestion
from wagtail_rencontres.services import queries, survey

pytestmark = pytest.mark.django_db


def answer(event, **answers):
    return SurveyResponse.objects.create(
        event_id=event.pk, submitted_on="2026-11-28", answers=answers
    )


@pytest.fixture
def answered(ended_event):
    event, _registrations = ended_event()
    answer(event, note_globale="5", format_prefere="Visio", commentaires="Très bien")
    answer(event, note_globale="4", format_prefere="Visio", commentaires="")
    answer(event, note_globale="2", format_prefere="Présentiel", commentaires="Trop long")
    return event


def test_results_count_choices_average_scales_and_list_texts(answered):
    results = survey.results(answered)
    assert results["responses"] == 3
    scale, choice, text = results["questions"]
    assert (scale["kind"], scale["counts"]) == ("scale", [(1, 0), (2, 1), (3, 0), (4, 1), (5, 1)])
    assert scale["average"] == pytest.approx(11 / 3)
    assert (choice["kind"], choice["counts"]) == ("choice", [("Visio", 2), ("Présentiel", 1)])
    assert (text["kind"], text["texts"]) == ("text", ["Très bien", "Trop long"])


def test_averages_per_event_and_overall(answered, ended_event, open_event):
    other, _registrations = ended_event()
    answer(other, note_globale="1")
    silent = open_event()
    add_questions(silent)
    events = queries.event_model().objects.filter(pk__in=[answered.pk, other.pk, silent.pk])
    assert survey.averages(events) == {
        "overall": pytest.approx(12 / 4),
        "responses": 4,
        "by_event": {answered.pk: pytest.approx(11 / 3), other.pk: 1.0, silent.pk: None},
    }


def test_averages_take_a_name_only_where_it_is_a_scale_and_only_whole_numbers(answered, open_event):
    # Elsewhere "Note globale" is free text: its digits are not a score.
    texts = open_event()
    SurveyQuestion.objects.create(page=texts, label="Note globale", field_type="singleline")
    answer(texts, note_globale="1")
    # Answers kept from before a question became a scale are left out.
    answer(answered, note_globale="beaucoup")
    answer(answered, note_globale="99999999999999999999")
    answer(answered, note_globale=None)
    events = queries.event_model().objects.filter(pk__in=[answered.pk, texts.pk])
    assert survey.averages(events) == {
        "overall": pytest.approx(11 / 3),
        "responses": 7,
        "by_event": {answered.pk: pytest.approx(11 / 3), texts.pk: None},
    }


def test_averages_of_no_event():
    assert survey.averages(queries.event_model().objects.none()) == {
        "overall": None,
        "responses": 0,
        "by_event": {},
    }


def test_averages_read_in_three_queries_whatever_the_number_of_events(answered, ended_event):
    for _n in range(3):
        event, _registrations = ended_event(present=0, absent=0)
        answer(event, note_globale="3")
    events = queries.event_model().objects.all()
    with CaptureQueriesContext(connection) as captured:
        survey.averages(events)
    assert len(captured) == 3


def test_admin_results_page_and_csv(admin_client, answered):
    page = admin_client.get(f"/admin/rencontres/survey/{answered.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert shown("%(counter)s response.", "%(counter)s responses.", 3) in html
    assert f"{shown('Average:')} 3" in html
    assert "Trop long" in html
    csv = admin_client.get(f"/admin/rencontres/survey/{answered.pk}/responses.csv")
    lines = b"".join(csv.streaming_content).decode().splitlines()
    assert lines[0] == "submitted_on,Note globale,Format préféré,Commentaires"
    assert lines[1:] == [
        "2026-11-28,5,Visio,Très bien",
        "2026-11-28,4,Visio,",
        "2026-11-28,2,Présentiel,Trop long",
    ]


def test_admin_results_page_queries_do_not_grow_with_responses(admin_client, answered):
    url = f"/admin/rencontres/survey/{answered.pk}/"
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    for n in range(20):
        answer(answered, note_globale=str(n % 5 + 1), commentaires=f"Avis {n}")
    with CaptureQueriesContext(connection) as many:
        admin_client.get(url)
    assert len(many) == len(few)


def test_the_send_button_mails_the_present_registrants(admin_client, ended_event):
    from django.core import mail

    event, _registrations = ended_event(present=2, absent=1)
    response = admin_client.post(f"/admin/rencontres/survey/{event.pk}/send/")
    assert response.status_code == 302
    assert len(mail.outbox) == 2


def test_results_need_edit_permission(client, django_user_model, answered):
    user = django_user_model.objects.create_user("lecteur", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(f"/admin/rencontres/survey/{answered.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/rencontres/survey/{answered.pk}/responses.csv").status_code in (
        302,
        403,
    )
