"""Records a request has read are offered to the programme's chooser blocks, as copies."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AudienceFactory
from wagtail_rencontres import records
from wagtail_rencontres.models import Audience

pytestmark = pytest.mark.django_db


def test_known_records_are_found_without_a_query_and_the_others_read_at_once():
    known, other, third = AudienceFactory(), AudienceFactory(), AudienceFactory()
    with records.known([known]), CaptureQueriesContext(connection) as sent:
        found = records.in_bulk(Audience, [known.pk, other.pk, third.pk])
    assert sorted(found) == sorted([known.pk, other.pk, third.pk])
    assert len(sent) == 1
    read = re.search(r"IN \(([^)]*)\)", sent[0]["sql"]).group(1)
    assert {int(pk) for pk in read.split(",")} == {other.pk, third.pk}


def test_each_use_gets_its_own_copy():
    audience = AudienceFactory(name="Élus")
    with records.known([audience]):
        found = records.in_bulk(Audience, [audience.pk])[audience.pk]
    assert found == audience and found is not audience
    found.name = "Changé"
    assert audience.name == "Élus"


def test_records_are_known_only_inside_the_block():
    audience = AudienceFactory()
    with records.known([audience]):
        pass
    with CaptureQueriesContext(connection) as sent:
        assert list(records.in_bulk(Audience, [audience.pk])) == [audience.pk]
    assert len(sent) == 1


def test_what_is_read_while_remembering_is_read_once():
    first, second = AudienceFactory(), AudienceFactory()
    with records.remembering(), CaptureQueriesContext(connection) as sent:
        records.in_bulk(Audience, [first.pk])
        again = records.in_bulk(Audience, [first.pk, second.pk])
        with records.remembering():  # a nested block shares what the outer one read
            records.in_bulk(Audience, [first.pk, second.pk])
    assert len(sent) == 2
    assert sorted(again) == [first.pk, second.pk]


def test_a_remembered_record_changed_by_one_caller_is_not_changed_for_the_next():
    audience = AudienceFactory(name="Élus")
    with records.remembering():
        records.in_bulk(Audience, [audience.pk])[audience.pk].name = "Changé"
        assert records.in_bulk(Audience, [audience.pk])[audience.pk].name == "Élus"


def test_nothing_is_remembered_after_the_block():
    audience = AudienceFactory()
    with records.remembering():
        records.in_bulk(Audience, [audience.pk])
    with CaptureQueriesContext(connection) as sent:
        records.in_bulk(Audience, [audience.pk])
    assert len(sent) == 1
