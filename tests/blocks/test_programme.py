import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from wagtail_rencontres.blocks import ProgrammeBlock, SessionBlock


def session_value(block, **overrides):
    data = {
        "start_time": dt.time(9),
        "end_time": dt.time(10),
        "title": "Accueil café",
        "format": "welcome",
        "description": "",
        "speakers": [],
        "room": "",
        "remote": False,
        "restricted_audiences": [],
        "capacity": None,
    }
    data.update(overrides)
    return block.to_python(
        {
            **data,
            "start_time": data["start_time"].isoformat(),
            "end_time": data["end_time"].isoformat() if data["end_time"] else None,
        }
    )


def test_session_with_end_before_start_is_refused_on_end_time():
    block = SessionBlock()
    with pytest.raises(StructBlockValidationError) as info:
        block.clean(session_value(block, start_time=dt.time(14), end_time=dt.time(12, 30)))
    assert list(info.value.block_errors) == ["end_time"]
    assert info.value.block_errors["end_time"].messages == [
        "L'heure de fin doit être postérieure à l'heure de début."
    ]


def test_session_with_equal_start_and_end_is_refused():
    block = SessionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(session_value(block, start_time=dt.time(9), end_time=dt.time(9)))


def test_session_without_end_time_is_valid():
    block = SessionBlock()
    value = block.clean(session_value(block, end_time=None))
    assert value["end_time"] is None


def test_session_without_title_is_refused():
    block = SessionBlock()
    with pytest.raises(ValidationError):
        block.clean(session_value(block, title=""))


def test_programme_refuses_the_same_day_twice():
    block = ProgrammeBlock()
    day = {"date": "2025-03-27", "title": "", "sessions": []}
    value = block.to_python([{"type": "day", "value": day}, {"type": "day", "value": day}])
    with pytest.raises(StreamBlockValidationError) as info:
        block.clean(value)
    assert list(info.value.block_errors) == [1]
    assert info.value.block_errors[1].block_errors["date"].code == "duplicate_day"


def test_programme_allows_parallel_sessions():
    block = ProgrammeBlock()
    session = {
        "start_time": "14:00",
        "end_time": "15:45",
        "title": "Atelier",
        "format": "workshop",
        "description": "",
        "speakers": [],
        "room": "",
        "remote": False,
        "restricted_audiences": [],
        "capacity": 20,
    }
    day = {
        "date": "2025-03-27",
        "title": "",
        "sessions": [session, {**session, "title": "Atelier B", "room": "Salle 2"}],
    }
    value = block.clean(block.to_python([{"type": "day", "value": day}]))
    assert [s["title"] for s in value[0].value["sessions"]] == ["Atelier", "Atelier B"]
