"""The benchmark data generator (benchmarks/generate.py) builds the site the normal path builds.

Its pages are inserted in bulk; these tests check that the tree stays valid,
that the derived rows are those the package's receivers write, and that the
API answers the same as for events created and translated through Wagtail.
"""

import difflib
import json
import re

import pytest
from wagtail.models import Page

from benchmarks.generate import Generator
from example_site.demo.models import HomePage
from wagtail_rencontres.models import EventSpeaker, Registration
from wagtail_rencontres.services import queries, sync

pytestmark = pytest.mark.django_db

EVENTS = 12


@pytest.fixture
def generator():
    generator = Generator(EVENTS, seed=7, honest_share=0.1, english_share=0.5, speakers=60)
    generator.prepare(HomePage)
    return generator


def answers(client, events):
    """What the API says of the site, each event's page id replaced by its uuid.

    Publication dates differ (the normal path publishes later), and so do page ids.
    """
    uuids = {event.pk: str(event.uuid) for event in events}
    got = {
        "list": client.get("/api/rencontres/events?limit=100&expand=programme").json(),
        "upcoming": client.get("/api/rencontres/events?when=upcoming&limit=5").json(),
        "speakers": client.get("/api/rencontres/speakers?limit=100").json(),
        "search": found(client.get("/api/rencontres/search?q=quartiers&type=event&limit=50")),
        "v2": client.get("/api/v2/events/?limit=20&fields=*").json(),
    }
    for event in events:
        got[str(event.uuid)] = client.get(f"/api/rencontres/events/{event.pk}").json()
    return normalised(got, uuids)


def found(response):
    """What a search found, without its ranking (scores depend on the index's history)."""
    data = response.json()
    hits = sorted((hit["url"], hit["title"]) for hit in data.pop("results"))
    return {**data, "results": hits}


def normalised(value, uuids):
    """``value`` with events' page ids (in events and v2 pages, and in URLs) as uuids."""
    if isinstance(value, dict):
        is_page = "uuid" in value or "meta" in value
        return {
            key: (
                "…"
                if key.endswith("_published_at") or key == "latest_revision_created_at"
                else uuids.get(item, item)
                if key == "id" and is_page
                else normalised(item, uuids)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [normalised(item, uuids) for item in value]
    if isinstance(value, str):
        return re.sub(
            r"(events|pages)/(\d+)",
            lambda m: f"{m.group(1)}/{uuids.get(int(m.group(2)), m.group(2))}",
            value,
        )
    return value


def pages(ids):
    return list(queries.event_model().objects.filter(pk__in=ids).order_by("pk"))


def test_bulk_tree_is_valid(generator):
    ids, english_ids = generator.populate(bulk=True)

    assert Page.find_problems() == ([], [], [], [], [])
    assert generator.agenda.get_children().count() == len(ids) == EVENTS
    assert generator.agenda_en.get_children().count() == len(english_ids) > 0
    for event in pages(english_ids):
        source = event.get_translation(generator.fr)
        assert source.get_parent().pk == generator.agenda.pk
        assert source.uuid != event.uuid


def test_bulk_speaker_index_is_what_the_receivers_write(generator):
    ids, english_ids = generator.populate(bulk=True)

    for page in pages([*ids, *english_ids]):
        indexed = set(EventSpeaker.objects.filter(event=page).values_list("speaker_id", flat=True))
        assert indexed == set(sync.public_speaker_ids(page))


def test_bulk_sample_is_published_through_wagtail(generator):
    generator.populate(bulk=True)

    published = queries.event_model().objects.filter(
        live_revision__isnull=False, locale=generator.fr
    )
    assert published.count() == generator.result.honest == 2
    assert Registration.objects.count() == generator.result.registrations > 0


def test_bulk_site_answers_as_the_normal_path(client, generator):
    bulk = answers(client, pages(sum(generator.populate(bulk=True), [])))
    for agenda in (generator.agenda_en, generator.agenda):
        for child in agenda.get_children():
            child.delete()
        agenda.refresh_from_db()

    normal = answers(client, pages(sum(generator.populate(bulk=False), [])))

    bulk_lines = json.dumps(bulk, indent=1, sort_keys=True).splitlines()
    normal_lines = json.dumps(normal, indent=1, sort_keys=True).splitlines()
    diff = list(difflib.unified_diff(bulk_lines, normal_lines, n=2, lineterm=""))
    assert "\n".join(diff[:80]) == ""
