import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.sites import page_type_label, site_text

pytestmark = pytest.mark.urls("tests.api.urls")


def test_v2_events_endpoint_matches_typed_api(client, programme_event):
    event, _public, _secret = programme_event()
    typed = json.loads(client.get(f"/api/rencontres/events/{event.pk}").content)
    v2 = json.loads(client.get(f"/api/v2/events/{event.pk}/").content)
    for key in ("uuid", "start", "end", "status", "programme", "registration", "partners"):
        assert v2[key] == typed[key]
    pages = json.loads(
        client.get(f"/api/v2/pages/?type={page_type_label('EventPage')}&fields=*").content
    )
    assert pages["items"][0]["programme"] == typed["programme"]


def test_v2_events_filters_and_errors(client, make_event):
    make_event(title="Annulée", status="cancelled")
    make_event(title="Prévue")
    data = json.loads(client.get("/api/v2/events/?status=cancelled").content)
    assert [item["title"] for item in data["items"]] == ["Annulée"]
    response = client.get("/api/v2/events/?colour=red")
    assert response.status_code == 400
    assert json.loads(response.content) == {"colour": [site_text("Paramètre inconnu.")]}


def test_v2_listing_query_count_is_constant(client, programme_event):
    programme_event()
    url = "/api/v2/events/?fields=start,programme,partners,registration&limit=20"
    client.get(url)  # fill per-process caches first
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in range(9):
        programme_event(title=f"E{n}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert json.loads(response.content)["meta"]["total_count"] == 10
    assert len(many) == len(one)
