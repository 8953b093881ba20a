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
