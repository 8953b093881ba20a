import datetime as dt
import json

import pytest
import wagtail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail_factories import ImageFactory

from tests.api.conftest import day, session
from tests.factories import CyclePageFactory, OrganisationFactory, SpeakerFactory
from wagtail_rencontres.api import schemas
from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.models import CycleSession, EventPartner, EventTombstone

API = "/api/rencontres"
pytestmark = pytest.mark.urls("tests.api.urls")


def count(client, url):
    client.get(url)  # fill per-process caches (site root paths, content types) first
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries), json.loads(response.content)


def speaking_event(make_event, speakers, **fields):
    event = make_event(**fields)
    event.programme = [
        day(dt.date(2024, 11, 28), [session("Table ronde", "10:00", "11:00", speakers=speakers)])
    ]
    event.save_revision().publish()
    return event


def test_organisation_logos_have_renditions_in_constant_queries(client, db):
    OrganisationFactory(logo=ImageFactory(file__width=800, file__height=600))
    client.get(f"{API}/organisations")  # renditions are created on first use
    one, _data = count(client, f"{API}/organisations")
    for _n in range(5):
        OrganisationFactory(logo=ImageFactory(file__width=800, file__height=600))
    client.get(f"{API}/organisations")
    many, data = count(client, f"{API}/organisations")
    assert many == one
    schemas.OrganisationList.model_validate(data)
    logo = data["results"][0]["logo"]
    assert sorted(logo["renditions"]) == ["large", "thumbnail"]
    assert logo["renditions"]["thumbnail"]["width"] == 400


def test_speakers_list_is_constant_and_public_only(client, make_event):
    org = OrganisationFactory()
    speaking_event(make_event, [SpeakerFactory(organisation=org)])
    SpeakerFactory(last_name="Sans événement")
    one, data = count(client, f"{API}/speakers")
    assert data["count"] == 1
    speaking_event(make_event, [SpeakerFactory(organisation=org) for _n in range(6)])
    many, data = count(client, f"{API}/speakers")
    assert data["count"] == 7
    assert many == one


def test_speaker_detail_lists_events(client, make_event):
    speaker = SpeakerFactory()
    first = speaking_event(make_event, [speaker], day=dt.date(2024, 11, 28))
    draft = speaking_event(make_event, [speaker], day=dt.date(2024, 11, 28))
    draft.unpublish()
    _n, data = count(client, f"{API}/speakers/{speaker.pk}")
    assert [event["id"] for event in data["events"]] == [first.pk]


def test_cycles_list_and_detail(client, agenda, make_event):
    cycle = CyclePageFactory(parent=agenda, title="Cycle 2025")
    second = make_event(title="Séance 2", day=dt.date(2025, 3, 1))
    first = make_event(title="Séance 1", day=dt.date(2025, 2, 1))
    hidden = make_event(title="Brouillon", day=dt.date(2025, 4, 1), live=False)
    for position, event in enumerate([first, second, hidden]):
        CycleSession.objects.create(
            cycle=cycle, event=event, sort_order=position, label=f"S{position}"
        )
    EventPartner.objects.create(
        page=first, organisation=OrganisationFactory(), role=PartnerRole.FUNDER
    )
    one, data = count(client, f"{API}/cycles/{cycle.pk}")
    schemas.CycleDetail.model_validate(data)
    assert [(s["title"], s["session_label"]) for s in data["sessions"]] == [
        ("Séance 1", "S0"),
        ("Séance 2", "S1"),
    ]
    for n in range(4):
        event = make_event(title=f"Plus {n}", day=dt.date(2025, 5, 1 + n))
        CycleSession.objects.create(cycle=cycle, event=event, sort_order=10 + n)
    many, data = count(client, f"{API}/cycles/{cycle.pk}")
    assert len(data["sessions"]) == 6
    assert many == one
    _n, data = count(client, f"{API}/cycles")
    assert [c["title"] for c in data["results"]] == ["Cycle 2025"]


def test_event_detail_queries_do_not_grow_with_speakers(client, make_event):
    event = speaking_event(make_event, [SpeakerFactory()])
    one, _data = count(client, f"{API}/events/{event.pk}")
    event = speaking_event(make_event, [SpeakerFactory() for _n in range(8)])
    many, data = count(client, f"{API}/events/{event.pk}")
    assert len(data["programme"]["speakers"]) == 8
    assert many == one


def test_tombstones_for_deleted_and_restricted_events(make_event):
    deleted = make_event()
    deleted.save_revision().publish()
    restricted = make_event()
    deleted_id, deleted_uuid = deleted.pk, deleted.uuid
    deleted.delete()
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    assert sorted(EventTombstone.objects.values_list("page_id", "uuid")) == sorted(
        [(deleted_id, deleted_uuid), (restricted.pk, restricted.uuid)]
    )
    # Publishing does not make a restricted event public: it keeps its tombstone.
    restricted.save_revision().publish()
    assert sorted(EventTombstone.objects.values_list("page_id", flat=True)) == sorted(
        [deleted_id, restricted.pk]
    )


def test_attach_to_wagtail_v3_is_optional():
    from wagtail_rencontres.api import attach_to_wagtail_v3

    attached = attach_to_wagtail_v3(prefix="/rencontres-test/")
    assert attached is (wagtail.VERSION[0] >= 8)
