"""The public outline of a programme, read from its stored data (ICS feeds and files)."""

import pytest

from wagtail_rencontres.services import programme

pytestmark = pytest.mark.django_db

OUTLINE = ("id", "start", "end", "title", "format", "format_label", "restricted", "remote")


def fields(days):
    return [
        (day.date, day.title, [tuple(getattr(s, name) for name in OUTLINE) for s in day.sessions])
        for day in days
    ]


def test_the_outline_agrees_with_the_programme_and_names_only_audiences(programme_event):
    event, _public, _secret = programme_event()
    [outline] = programme.outlines_bulk([event])[event.pk]
    assert fields([outline]) == fields(programme.days(event))
    conference, workshop = outline.sessions
    assert (conference.restricted, conference.restricted_to) == (False, [])
    assert (workshop.restricted, workshop.restricted_to) == (True, ["Élus"])
    # Even the open session carries no description, room or speaker.
    for session in outline.sessions:
        assert (session.description, session.room, session.speakers) == (None, "", [])


def test_the_outline_reads_lists_stored_before_the_block_format(programme_event):
    event, _public, _secret = programme_event()
    raw_day = event.programme.raw_data[0]
    raw_day["value"]["sessions"] = [item["value"] for item in raw_day["value"]["sessions"]]
    for session in raw_day["value"]["sessions"]:
        session["restricted_audiences"] = [
            item["value"] if isinstance(item, dict) else item
            for item in session["restricted_audiences"]
        ]
    [day] = programme.outlines_bulk([event])[event.pk]
    assert [(s.id, s.title, s.restricted_to) for s in day.sessions] == [
        ("", "Conférence", []),
        ("", "Atelier des élus", ["Élus"]),
    ]


def test_an_unknown_session_format_shows_as_stored():
    assert programme.format_label("table-ronde-libre") == "table-ronde-libre"
