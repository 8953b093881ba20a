"""The registration API's page read: one compiled query, deciding as the queryset does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from wagtail_rencontres import conf
from wagtail_rencontres.models import RegistrationFormField
from wagtail_rencontres.services import capacity, queries, serving
from wagtail_rencontres.services.compiled import ByPrimaryKey

pytestmark = pytest.mark.django_db


def public_events():
    model = conf.page_model("EventPage")
    return serving.with_questions_known(capacity.with_owner(queries.live_public(model)))


def test_reads_the_row_the_queryset_reads(open_event):
    event = open_event(title="Journée régionale", registration_capacity=40)
    lookup = ByPrimaryKey(public_events())
    with CaptureQueriesContext(connection) as captured:
        page = lookup.get(event.pk)
    assert len(captured) == 1
    expected = public_events().get(pk=event.pk)
    assert (page.pk, page.title, page.registration_capacity) == (
        event.pk,
        "Journée régionale",
        40,
    )
    assert (page.start, page.end, page.timezone) == (expected.start, expected.end, "Europe/Paris")
    assert page.start.tzinfo is not None
    assert capacity.owner_id(page) == event.pk
    # Converted as the queryset converts it: a boolean on SQLite too.
    assert page.__dict__[serving.HAS_REGISTRATION_FIELDS] is False
    with CaptureQueriesContext(connection) as captured:
        assert serving.registration_fields(page) == []
    assert len(captured) == 0


def test_drafts_restricted_and_unknown_pages_are_none(open_event):
    draft = open_event(live=False)
    private = open_event()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    lookup = ByPrimaryKey(public_events())
    assert lookup.get(draft.pk) is None
    assert lookup.get(private.pk) is None
    assert lookup.get(2**31 - 1) is None


def test_a_restriction_added_after_compiling_applies(open_event):
    event = open_event()
    lookup = ByPrimaryKey(public_events())
    assert lookup.get(event.pk) is not None
    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert lookup.get(event.pk) is None


def test_refuses_a_queryset_with_related_rows():
    with pytest.raises(ValueError, match="select_related"):
        ByPrimaryKey(public_events().select_related("locale"))


def test_annotations_are_converted_as_the_queryset_converts_them(open_event):
    from_queryset = open_event()
    RegistrationFormField.objects.create(
        page=from_queryset, label="Régime alimentaire", field_type="singleline", required=True
    )
    page = ByPrimaryKey(public_events()).get(from_queryset.pk)
    expected = public_events().get(pk=from_queryset.pk)
    assert page.__dict__[serving.HAS_REGISTRATION_FIELDS] is True
    assert (
        page.__dict__[serving.HAS_REGISTRATION_FIELDS]
        == expected.__dict__[serving.HAS_REGISTRATION_FIELDS]
    )
    assert [field.label for field in serving.registration_fields(page)] == ["Régime alimentaire"]
