"""The ICS feed reads its events in chunks of one ordered query: its work grows linearly."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail_rencontres.services import ical

FEED = "/rencontres/ics/events.ics"
# An IN list of page ids: ``"wagtailcore_page"."id" IN (…)``, ``"eventpage_id" IN (…)``…
PAGE_IDS = re.compile(r'"(?:wagtailcore_page"\."id|\w*page_id|page_ptr_id)" IN \(([^()]*)\)')


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(ical, "FEED_CHUNK_SIZE", 2)
    return 2


def feed_queries(client):
    """The SQL of one whole feed, streamed to its end."""
    b"".join(client.get(FEED).streaming_content)  # fill per-process caches first
    with CaptureQueriesContext(connection) as queries:
        response = client.get(FEED)
        body = b"".join(response.streaming_content)
    assert response.status_code == 200
    return body, [query["sql"] for query in queries.captured_queries]


def test_feed_queries_grow_linearly_with_its_chunks(client, full_event, small_chunks):
    counts = []
    created = 0
    for chunks in (1, 2, 3):
        while created < chunks * small_chunks:
            full_event(created)
            created += 1
        body, sql = feed_queries(client)
        assert body.count(b"BEGIN:VEVENT") == chunks * small_chunks
        counts.append(len(sql))
    assert counts[2] - counts[1] == counts[1] - counts[0] > 0


def test_no_feed_query_lists_more_events_than_a_chunk(client, full_event, small_chunks):
    events = {full_event(n).pk for n in range(7)}
    body, sql = feed_queries(client)
    assert body.count(b"BEGIN:VEVENT") == 7
    listed = [
        {int(item) for item in items.split(",")} & events
        for query in sql
        for items in PAGE_IDS.findall(query)
    ]
    assert max(len(ids) for ids in listed) == small_chunks
