"""Answers cannot be traced back to a registrant: no relation, no log, no exact time."""

import pytest
from django.contrib.contenttypes.fields import GenericForeignKey
from wagtail.models import ModelLogEntry, PageLogEntry

from wagtail_rencontres.models import Registration, SurveyInvitation, SurveyResponse
from wagtail_rencontres.services import survey

pytestmark = pytest.mark.django_db


def test_a_response_has_no_relation_to_a_registration_or_an_invitation():
    related = {
        field.related_model
        for field in SurveyResponse._meta.get_fields()
        if field.is_relation and not isinstance(field, GenericForeignKey)
    }
    assert Registration not in related
    assert SurveyInvitation not in related
    assert not any(isinstance(f, GenericForeignKey) for f in SurveyResponse._meta.get_fields())
    assert [f.name for f in SurveyResponse._meta.concrete_fields] == [
        "id",
        "event",
        "submitted_on",
        "answers",
    ]


def test_an_invitation_holds_no_relation_to_a_response():
    related = {f.related_model for f in SurveyInvitation._meta.get_fields() if f.is_relation}
    assert SurveyResponse not in related
    assert [f.name for f in SurveyInvitation._meta.concrete_fields] == [
        "id",
        "registration",
        "event",
        "token",
        "sent_at",
        "used",
    ]


def test_answering_writes_no_log_entry(ended_event):
    event, _registrations = ended_event(present=1, absent=0)
    survey.send_due()
    invitation = SurveyInvitation.objects.get()
    before = (PageLogEntry.objects.count(), ModelLogEntry.objects.count())
    survey.submit(event, invitation.token, {"note_globale": "5"})
    assert (PageLogEntry.objects.count(), ModelLogEntry.objects.count()) == before


def test_anonymising_a_registration_deletes_its_invitations_and_keeps_the_answers(ended_event):
    from wagtail_rencontres.services.registration import retention

    event, registrations = ended_event(present=2, absent=0)
    survey.send_due()
    first = SurveyInvitation.objects.get(registration=registrations[0])
    survey.submit(event, first.token, {"note_globale": "5"})
    retention.anonymise(registrations[0])
    assert list(SurveyInvitation.objects.values_list("registration_id", flat=True)) == [
        registrations[1].pk
    ]
    retention.anonymise_expired(days=0)
    assert SurveyInvitation.objects.count() == 0
    assert SurveyResponse.objects.get().answers == {"note_globale": "5"}
